import { describe, expect, it } from "vitest";
import { readObjectStoreSettings } from "./object-store-settings";

const s3 = {
  SEGEL_OBJECT_STORE: "s3",
  SEGEL_S3_BUCKET: "segel",
  SEGEL_S3_ACCESS_KEY_ID: "id",
  SEGEL_S3_SECRET_ACCESS_KEY: "secret",
};

describe("readObjectStoreSettings", () => {
  it("defaults to the local store under SEGEL_FILE_STORE", () => {
    expect(readObjectStoreSettings({ SEGEL_FILE_STORE: "/srv/files" })).toEqual({ kind: "local", root: "/srv/files" });
  });

  it("reads every S3 setting", () => {
    const settings = readObjectStoreSettings({
      ...s3,
      SEGEL_S3_ENDPOINT: "http://127.0.0.1:9000",
      SEGEL_S3_REGION: "ap-southeast-3",
      SEGEL_S3_FORCE_PATH_STYLE: "true",
    });
    expect(settings).toEqual({
      kind: "s3",
      endpoint: "http://127.0.0.1:9000",
      region: "ap-southeast-3",
      bucket: "segel",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
  });

  it("names every missing S3 setting", () => {
    expect(() => readObjectStoreSettings({ SEGEL_OBJECT_STORE: "s3", SEGEL_S3_BUCKET: "segel" })).toThrow(
      "SEGEL_OBJECT_STORE=s3 needs SEGEL_S3_ACCESS_KEY_ID, SEGEL_S3_SECRET_ACCESS_KEY.",
    );
  });

  it("refuses an unknown store or a malformed flag rather than guess", () => {
    expect(() => readObjectStoreSettings({ SEGEL_OBJECT_STORE: "nfs" })).toThrow(
      /SEGEL_OBJECT_STORE must be "local" or "s3"/,
    );
    expect(() => readObjectStoreSettings({ ...s3, SEGEL_S3_FORCE_PATH_STYLE: "yes" })).toThrow(
      /SEGEL_S3_FORCE_PATH_STYLE/,
    );
  });
});
