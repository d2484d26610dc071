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
    expect(r?.key, "a gzipped bundle was unpacked (16 MiB from < 100 kB)").toBe("tenderImport.compressed");
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

// ---------------------------------------------------------------- attacks through the import

/**
 * A real bundle of a tender with a sealed bid, made by the export on this instance, then
 * given fresh ids (every UUID in data.json, the tender's code) and re-signed with this
 * instance's key, so it can be imported into the same test database: `edit` changes
 * data.json before signing, as a hostile (or hacked) source could.
 */
async function rehomedBundle(edit: (data: BundleData) => void = () => {}) {
  const { randomUUID, sign } = await import("node:crypto");
  const { readFileSync } = await import("node:fs");
  const tar = await import("tar");
  const f = await import("@/tests/factories");
  const { getInstanceKey } = await import("@/server/instance-key");
  const { exportTenderToFile } = await import("./export-tender");
  const { storeSource } = await import("./write-bundle");
  const { submitBid } = await import("@/modules/bids/server/submit-bid");
  const { db } = await import("@/server/db");

  const made = await f.makeSealedBidTender();
  const bidder = await f.makeBidder(made.tender.id);
  const staged = await f.stageBidFile(bidder.actor, made.tender.id, f.bidPdf("harga-serangan", 20_000), "HARGA");
  await submitBid(bidder.actor, {
    integrityPact: true,
    tenderId: made.tender.id,
    price: 1_000_000n,
    files: [{ id: staged.id }],
    idempotencyKey: randomUUID(),
  });
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-attack-")), "asal.tar");
  await exportTenderToFile({ client: db, code: made.tender.code, out, source: storeSource(), live: false });
  const dir = mkdtempSync(path.join(os.tmpdir(), "segel-attack-x-"));
  await tar.x({ file: out, cwd: dir, strict: true });

  const fresh = new Map<string, string>();
  const code = `X${made.tender.code.slice(1)}`;
  const text = readFileSync(path.join(dir, "data.json"), "utf8")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!fresh.has(id)) fresh.set(id, randomUUID());
      return fresh.get(id)!;
    })
    .replaceAll(made.tender.code, code);
  const data = JSON.parse(text) as BundleData;
  edit(data);
  const dataBytes = Buffer.from(JSON.stringify(data));
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  manifest.tender.id = fresh.get(made.tender.id);
  manifest.tender.code = code;
  for (const [table, rows] of Object.entries(data.tables)) manifest.counts[table] = rows.length;
  manifest.entries[0] = { path: "data.json", size: dataBytes.length, sha256: sha256Hex(dataBytes) };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const { privateKey, fingerprint } = await getInstanceKey();
  const { writeRawTar } = await import("../testing/bundle-fixture");
  const file = path.join(dir, "bundle.tar");
  writeRawTar(file, [
    { name: "manifest.json", body: manifestBytes },
    { name: "manifest.sig", body: Buffer.from(sign(null, manifestBytes, privateKey).toString("base64")) },
    { name: "data.json", body: dataBytes },
    ...manifest.entries
      .slice(1)
      .map((e: { path: string }) => ({ name: e.path, body: readFileSync(path.join(dir, e.path)) })),
  ]);
  return { file, fingerprint, code, tenderId: fresh.get(made.tender.id)! };
}

async function importAs(file: string, fingerprint: string, agencyId?: string) {
  const f = await import("@/tests/factories");
  const { importTender } = await import("./import-tender");
  const admin = await f.makeActor("ADMIN_LPSE");
  const agency = agencyId ?? (await f.makeAgency()).id;
  return importTender(admin, { bundlePath: file, agencyId: agency, expectedFingerprint: fingerprint });
}

const refusalOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.messageKey;
  }
};

describe("attacks through the import", () => {
  it("imports the re-signed bundle (the attacks below start from a bundle that works)", async () => {
    const { db } = await import("@/server/db");
    const bundle = await rehomedBundle();
    const result = await importAs(bundle.file, bundle.fingerprint);
    expect(result.code).toBe(bundle.code);
    expect(await db.tender.count({ where: { code: bundle.code } })).toBe(1);
  });

  it("refuses a replayed bundle: the same bundle imported twice writes nothing the second time", async () => {
    const { db } = await import("@/server/db");
    const bundle = await rehomedBundle();
    await importAs(bundle.file, bundle.fingerprint);
    const before = [await db.tender.count(), await db.bid.count(), await db.auditEvent.count()];
    const key = await refusalOf(importAs(bundle.file, bundle.fingerprint));
    expect(key).toMatch(/tenderImport\.(bundleAlreadyImported|tenderCodeExists|tenderIdExists)/);
    // makeActor and makeAgency write their own rows; the import's own tables did not grow
    expect([await db.tender.count(), await db.bid.count()]).toEqual(before.slice(0, 2));
  });

  it("puts the paket in the agency the administrator chose, whatever agency id data.json names", async () => {
    const { db } = await import("@/server/db");
    const f = await import("@/tests/factories");
    const victim = await f.makeAgency({ name: "Dinas Korban Uji" });
    const chosen = await f.makeAgency();
    const bundle = await rehomedBundle((data) => {
      for (const p of data.tables.Paket ?? []) p.agencyId = victim.id;
      for (const a of data.tables.Agency ?? []) a.id = victim.id;
    });
    await refusalOf(importAs(bundle.file, bundle.fingerprint, chosen.id));
    expect(await db.paket.count({ where: { agencyId: victim.id } })).toBe(0);
    expect(await db.pokja.count({ where: { agencyId: victim.id } })).toBe(0);
    expect(await db.roleMembership.count({ where: { agencyId: victim.id, grantedById: { not: null } } })).toBe(0);
  });

  it("refuses rows that name a tender or paket of the receiving instance instead of the bundle's own", async () => {
    const { db } = await import("@/server/db");
    const f = await import("@/tests/factories");
    const t = await clockNow();
    const local = await f.makePokjaTender();
    await f.makeStages(local.tender.id, [["PENGUMUMAN", t, new Date(t.getTime() + 3_600_000)]]);
    const bundle = await rehomedBundle((data) => {
      const stage = data.tables.TenderStage![0]!;
      // one more stage, for the LOCAL tender: its deadline rewritten by another instance's bundle
      data.tables.TenderStage!.push({
        ...stage,
        id: "0b0b0b0b-0000-4000-8000-000000000001",
        tenderId: local.tender.id,
        position: 9,
      });
      const item = (data.tables.HpsItem ?? [])[0];
      if (item)
        data.tables.HpsItem!.push({
          ...item,
          id: "0b0b0b0b-0000-4000-8000-000000000002",
          paketId: local.paket.id,
          position: 99,
        });
    });
    const key = await refusalOf(importAs(bundle.file, bundle.fingerprint));
    expect(
      await db.tenderStage.count({ where: { tenderId: local.tender.id } }),
      "a stage was added to a local tender",
    ).toBe(1);
    expect(await db.hpsItem.count({ where: { id: "0b0b0b0b-0000-4000-8000-000000000002" } })).toBe(0);
    expect(key).toMatch(/^tenderImport\./);
    expect(await db.tender.count({ where: { code: bundle.code } })).toBe(0);
  });
});

async function clockNow() {
  const { dbNow } = await import("@/server/db");
  return dbNow();
}
