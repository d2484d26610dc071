import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import type { BundleData } from "../domain/bundle-format";
import { makeSourceKey, sha256Hex, writeTestBundle, type BundleSpec } from "../testing/bundle-fixture";
import { discardBundle, unpackBundle } from "./read-bundle";
import { verifyBundle } from "./verify-bundle";

// Attacks on the import (issue 13, engineer H): bundles a hostile or careless source could
// send. Each must be refused with a message key naming why, and leave nothing behind.
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

/** The import's temporary folders (read-bundle.ts makes them as segel-import-*). */
const importDirs = () => new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith("segel-import-")));

async function readAndVerify(tar: string, expected = key.fingerprint) {
  const before = importDirs();
  try {
    const bundle = await unpackBundle(tar);
    try {
      await verifyBundle(bundle, { expectedFingerprint: expected, localMigration: LOCAL });
      return null;
    } finally {
      await discardBundle(bundle);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { key: error.messageKey, values: error.values };
  } finally {
    // whatever happened, no unpacked folder of this call is left behind
    const left = [...importDirs()].filter((d) => !before.has(d));
    expect(left).toEqual([]);
  }
}

/** A tar header whose size field says `declared` bytes, followed by only `actual` bytes. */
function lyingHeader(name: string, declared: bigint, actual: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, "utf8");
  header.write("0000644\0", 100);
  header.write("0000000\0", 108);
  header.write("0000000\0", 116);
  // base-256 (the GNU form node-tar reads): 12 octal digits stop at 8 GiB
  header[124] = 0x80;
  for (let i = 0, v = declared; i < 11; i++, v >>= 8n) header[135 - i] = Number(v & 0xffn);
  header.write("00000000000\0", 136);
  header.write("        ", 148);
  header.write("0", 156);
  header.write("ustar\0", 257);
  header.write("00", 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return Buffer.concat([header, Buffer.alloc(Math.ceil(actual / 512) * 512, 0x61)]);
}

describe("attacks on a bundle, before anything is written", () => {
  it("refuses a second data.json placed before the signed one (the later entry would shadow it)", async () => {
    const evil = Buffer.from(JSON.stringify({ tables: { Tender: [{ id: "jahat" }] }, people: [] }));
    const { file: tar } = writeTestBundle(
      base({ editEntries: (e) => [e[0]!, e[1]!, { name: "data.json", body: evil }, ...e.slice(2)] }),
    );
    expect((await readAndVerify(tar))?.key).toBe("tenderImport.duplicateEntry");
  });

  it("refuses the same entry under another spelling (./data.json beside data.json)", async () => {
    const { file: tar } = writeTestBundle(base({ editEntries: (e) => [...e, { ...e[2]!, name: "./data.json" }] }));
    expect((await readAndVerify(tar))?.key).toMatch(/tenderImport\.(duplicateEntry|unknownEntry)/);
  });

  it("refuses a manifest that lists the same file twice, though signed", async () => {
    const r = await readAndVerify(
      writeTestBundle(base({ editManifest: (m) => void m.entries.push({ ...m.entries[1]! }) })).file,
    );
    expect(r).toMatchObject({ key: "tenderImport.duplicateEntry", values: { entry: `files/${sha256Hex(file)}` } });
  });

  it("refuses a manifest that lists data.json twice with different sizes", async () => {
    const r = await readAndVerify(
      writeTestBundle(base({ editManifest: (m) => void m.entries.push({ ...m.entries[0]!, size: 1 }) })).file,
    );
    expect(r?.key).toMatch(/tenderImport\.(duplicateEntry|sizeMismatch)/);
  });

  it("refuses a tar bomb: an entry declaring 64 GiB, before writing its bytes", async () => {
    const { file: good } = writeTestBundle(base());
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(good);
    // the good bundle without its two closing zero blocks, then a lying entry
    const bomb = Buffer.concat([
      bytes.subarray(0, bytes.length - 1024),
      lyingHeader(`files/${"a".repeat(64)}`, 64n * 1024n ** 3n, 4096),
      Buffer.alloc(1024),
    ]);
    const tar = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-attack-")), "bomb.tar");
    writeFileSync(tar, bomb);
    expect((await readAndVerify(tar))?.key).toBe("tenderImport.tooLarge");
  });

  it("refuses a compressed bundle: the format is an uncompressed tar, so a small upload cannot unpack to gigabytes", async () => {
    // a valid, signed bundle whose one file is 16 MiB of zeros, gzipped to a few kilobytes
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const { file: plain } = writeTestBundle(base({ files: [zeros] }));
    const { readFileSync } = await import("node:fs");
    const tar = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-attack-")), "bomb.tar");
    writeFileSync(tar, gzipSync(readFileSync(plain)));
    expect(statSync(tar).size).toBeLessThan(100_000);
    const r = await readAndVerify(tar);
    expect(r?.key, "a gzipped bundle was unpacked (16 MiB from < 100 kB)").toBe("tenderImport.notATar");
  });

  it("leaves no file outside its folder for an entry that is a path to an existing file", async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-attack-")), "data.json");
    const r = await readAndVerify(
      writeTestBundle(base({ editEntries: (e) => [{ ...e[2]!, name: target }, ...e] })).file,
    );
    expect(r?.key).toBe("tenderImport.absolutePath");
    expect(existsSync(target)).toBe(false);
  });
});
