import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { BUNDLE_VERSION, type BundleData } from "../domain/bundle-format";
import {
  flipByte,
  makeSourceKey,
  sha256Hex,
  writeRawTar,
  writeTestBundle,
  type BundleSpec,
} from "../testing/bundle-fixture";
import { discardBundle, unpackBundle } from "./read-bundle";
import { verifyBundle } from "./verify-bundle";
import path from "node:path";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";

// Bundles refused by the reader and the checker, each with the message key that names why.
const LOCAL = "20261211200000_availability_and_transfer";
const key = makeSourceKey();
const file = Buffer.from("isi berkas uji");
const data: BundleData = { tables: { Tender: [{ id: "t1" }] }, people: [] };
const base = (over: Partial<BundleSpec> = {}): BundleSpec => ({
  key,
  data,
  files: [file],
  tender: { id: "00000000-0000-4000-8000-000000000001", code: "T-1", status: "PUBLISHED", name: "Uji" },
  schemaMigration: LOCAL,
  ...over,
});

async function refusal(spec: BundleSpec, expected = key.fingerprint) {
  const { file: tar } = writeTestBundle(spec);
  return readAndVerify(tar, expected);
}

async function readAndVerify(tar: string, expected = key.fingerprint) {
  let dir: string | null = null;
  try {
    const bundle = await unpackBundle(tar);
    dir = bundle.dir;
    await verifyBundle(bundle, { expectedFingerprint: expected, localMigration: LOCAL });
    await discardBundle(bundle);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (dir) await discardBundle({ dir });
    return { key: error.messageKey, values: error.values };
  }
}

describe("reading and checking a bundle", () => {
  it("accepts a bundle written by the format", async () => {
    expect(await refusal(base())).toBeNull();
  });

  it("refuses a signature by another key", async () => {
    expect((await refusal(base({ signWith: makeSourceKey().privateKey })))?.key).toBe("tenderImport.badSignature");
  });

  it("refuses one changed byte in data.json, naming the entry and both hashes", async () => {
    const r = await refusal(base({ editEntries: (e) => flipByte(e, "data.json", 5) }));
    expect(r?.key).toBe("tenderImport.hashMismatch");
    expect(r?.values.entry).toBe("data.json");
    expect(r?.values.expected).not.toBe(r?.values.actual);
  });

  it("refuses one changed byte in a file", async () => {
    const r = await refusal(base({ editEntries: (e) => flipByte(e, `files/${sha256Hex(file)}`, 3) }));
    expect(r).toMatchObject({ key: "tenderImport.hashMismatch", values: { entry: `files/${sha256Hex(file)}` } });
  });

  it("refuses a missing file", async () => {
    const r = await refusal(base({ editEntries: (e) => e.filter((x) => !x.name.startsWith("files/")) }));
    expect(r).toMatchObject({ key: "tenderImport.missingEntry", values: { entry: `files/${sha256Hex(file)}` } });
  });

  it("refuses an extra entry the manifest does not list", async () => {
    const extra = Buffer.from("tambahan");
    const r = await refusal(base({ editEntries: (e) => [...e, { name: `files/${sha256Hex(extra)}`, body: extra }] }));
    expect(r).toMatchObject({ key: "tenderImport.extraEntry", values: { entry: `files/${sha256Hex(extra)}` } });
  });

  it("refuses an entry the format does not name, a path escaping the folder, an absolute path and links", async () => {
    const outside = path.join(os.tmpdir(), `segel-escape-${Date.now()}`);
    const cases: [Parameters<typeof writeRawTar>[1][number], string][] = [
      [{ name: "catatan.txt", body: Buffer.from("x") }, "tenderImport.unknownEntry"],
      [{ name: `../${path.basename(outside)}`, body: Buffer.from("x") }, "tenderImport.pathEscapes"],
      [{ name: `files/../../${path.basename(outside)}`, body: Buffer.from("x") }, "tenderImport.pathEscapes"],
      [{ name: outside, body: Buffer.from("x") }, "tenderImport.absolutePath"],
      [{ name: "data.json", type: "2", linkName: "/etc/passwd" }, "tenderImport.notRegularFile"],
      [{ name: "data.json", type: "1", linkName: "manifest.json" }, "tenderImport.notRegularFile"],
      [{ name: "files", type: "5" }, "tenderImport.notRegularFile"],
    ];
    for (const [entry, expected] of cases) {
      const r = await refusal(base({ editEntries: (e) => [entry, ...e] }));
      expect(r?.key, entry.name).toBe(expected);
      expect(existsSync(outside)).toBe(false);
    }
  });

  it("refuses a repeated entry", async () => {
    const r = await refusal(base({ editEntries: (e) => [...e, e[2]!] }));
    expect(r).toMatchObject({ key: "tenderImport.duplicateEntry", values: { entry: "data.json" } });
  });

  it("refuses a bundle beyond the limits", async () => {
    const { file: tar } = writeTestBundle(base());
    await expect(unpackBundle(tar, { maxEntries: 3, maxBytes: 1e9 })).rejects.toMatchObject({
      messageKey: "tenderImport.tooManyEntries",
    });
    await expect(unpackBundle(tar, { maxEntries: 100, maxBytes: 100 })).rejects.toMatchObject({
      messageKey: "tenderImport.tooLarge",
    });
  });

  it("refuses what is not a tar", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "segel-not-tar-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(dir, "x.tar"), Buffer.from("bukan tar ".repeat(100)));
    expect((await readAndVerify(path.join(dir, "x.tar")))?.key).toMatch(/tenderImport\.(notATar|missingEntry)/);
  });

  it("refuses a newer schema, naming both migrations", async () => {
    const r = await refusal(base({ schemaMigration: "20991231000000_future" }));
    expect(r).toMatchObject({
      key: "tenderImport.schemaNewer",
      values: { theirs: "20991231000000_future", ours: LOCAL },
    });
  });

  it("refuses a newer version, naming both, and still reads the older version 1", async () => {
    const r = await refusal(base({ editManifest: (m) => void (m.version = BUNDLE_VERSION + 1) }));
    expect(r).toMatchObject({
      key: "tenderImport.versionUnsupported",
      values: { version: BUNDLE_VERSION + 1, supported: BUNDLE_VERSION },
    });
    expect(BUNDLE_VERSION).toBe(2);
    expect(await refusal(base({ editManifest: (m) => void (m.version = 1) }))).toBeNull();
  });

  it("refuses a key the administrator did not vouch for, and a manifest naming another key", async () => {
    const other = makeSourceKey();
    expect((await refusal(base(), other.fingerprint))?.key).toBe("tenderImport.untrustedKey");
    const r = await refusal(base({ editManifest: (m) => void (m.source.instanceKey.fingerprint = other.fingerprint) }));
    expect(r?.key).toBe("tenderImport.fingerprintMismatch");
  });

  it("refuses counts that disagree with data.json", async () => {
    const r = await refusal(base({ editManifest: (m) => void (m.counts.Tender = 2) }));
    expect(r).toMatchObject({ key: "tenderImport.countMismatch", values: { table: "Tender", expected: 2, actual: 1 } });
  });
});
