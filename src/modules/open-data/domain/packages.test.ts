import { describe, expect, it } from "vitest";
import { ocdsChecks, validateRecordPackage, validateReleasePackage } from "@/tests/setup/ocds-validator";
import type { JsonObject } from "./merge";
import { BID_EXTENSION, buildRecord, PAGINATION_EXTENSION, recordPackage, releasePackage } from "./packages";

const OCID = "ocds-abc123-T-1";
const meta = {
  uri: "https://lpse.example.go.id/api/ocds/releases/ocds-abc123-T-1",
  publisher: { name: "LPSE Kabupaten Uji", uri: "https://lpse.example.go.id" },
  publicationPolicy: "https://lpse.example.go.id/data-terbuka",
};
const release = (position: number, date: string, body: JsonObject = {}): JsonObject => ({
  ocid: OCID,
  id: `${OCID}-${position}`,
  date,
  tag: ["tender"],
  initiationType: "tender",
  tender: { id: "T-1", title: "Jalan desa", status: "active" },
  ...body,
});

describe("the OCDS packages", () => {
  it("a release package carries the publisher, licence, version 1.1, the bids extension and validates", () => {
    const pkg = releasePackage(meta, [release(1, "2026-01-01T01:00:00Z"), release(2, "2026-01-02T01:00:00Z")]);
    expect(pkg).toMatchObject({
      uri: meta.uri,
      version: "1.1",
      publishedDate: "2026-01-02T01:00:00Z",
      publisher: meta.publisher,
      license: "https://creativecommons.org/licenses/by/4.0/",
      publicationPolicy: meta.publicationPolicy,
      extensions: [BID_EXTENSION],
    });
    expect(pkg).not.toHaveProperty("links");
    expect(validateReleasePackage(pkg)).toEqual([]);
    expect(ocdsChecks(pkg, "ocds-abc123")).toEqual([]);
  });

  it("a feed page's next address is links.next, declared by the pagination extension", () => {
    const pkg = releasePackage(
      meta,
      [release(1, "2026-01-01T01:00:00Z")],
      "https://lpse.example.go.id/api/ocds/feed?after=x",
    );
    expect(pkg.links).toEqual({ next: "https://lpse.example.go.id/api/ocds/feed?after=x" });
    expect(pkg.extensions).toEqual([BID_EXTENSION, PAGINATION_EXTENSION]);
    expect(validateReleasePackage(pkg)).toEqual([]);
  });

  it("a record embeds every release and a compiled release with its own id; its package validates", () => {
    const record = buildRecord(OCID, [
      release(1, "2026-01-01T01:00:00Z"),
      release(2, "2026-01-05T01:00:00Z", { tag: ["tenderCancellation"], tender: { id: "T-1", status: "cancelled" } }),
    ]);
    expect(record.releases).toHaveLength(2);
    expect(record.compiledRelease).toMatchObject({
      ocid: OCID,
      id: `${OCID}-2-compiled`,
      date: "2026-01-05T01:00:00Z",
      tag: ["compiled"],
      tender: { id: "T-1", title: "Jalan desa", status: "cancelled" },
    });
    const pkg = recordPackage(meta, [record]);
    expect(pkg.publishedDate).toBe("2026-01-05T01:00:00Z");
    expect(validateRecordPackage(pkg)).toEqual([]);
    expect(ocdsChecks(pkg, "ocds-abc123")).toEqual([]);
  });

  it("refuses to build an empty package (the schemas ask for at least one release or record)", () => {
    expect(() => releasePackage(meta, [])).toThrow();
    expect(() => recordPackage(meta, [])).toThrow();
    expect(() => buildRecord(OCID, [])).toThrow();
  });

  it("the validator is able to fail: a package without a publisher is refused", () => {
    const { publisher: _, ...rest } = releasePackage(meta, [release(1, "2026-01-01T01:00:00Z")]);
    expect(validateReleasePackage(rest)).not.toEqual([]);
  });
});
