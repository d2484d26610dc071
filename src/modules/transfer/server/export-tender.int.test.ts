import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { describe, expect, it } from "vitest";
import {
  bidPdf,
  makeActor,
  makeBidder,
  makeOpenedTender,
  makeSealedBidTender,
  makeSubmittedBid,
  makeTender,
  makePaket,
  makeAgency,
  makeUser,
  stageBidFile,
} from "@/tests/factories";
import { db } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { bundleManifestSchema, decodeValue, type BundleData } from "../domain/bundle-format";
import { exportTenderToFile } from "./export-tender";
import { CARRIED_TABLES } from "./transfer-tables";
import { storeSource } from "./write-bundle";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function tempOut() {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "segel-export-")), "bundle.tar");
}

/** Unpacks a bundle with node-tar (as an importer would) and returns every entry's bytes by path. */
async function unpack(file: string): Promise<{ order: string[]; bytes: Map<string, Buffer> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "segel-export-read-"));
  const order: string[] = [];
  await tar.x({ file, cwd: dir, strict: true, onReadEntry: (e) => void order.push(e.path) });
  const bytes = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else bytes.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return { order, bytes };
}

/** A sealed-bid tender with two real staged bid files, two submitted bids and a question. */
async function seededTender() {
  const made = await makeSealedBidTender();
  const bidder = await makeBidder(made.tender.id);
  await stageBidFile(bidder.actor, made.tender.id, bidPdf("harga-uji", 70_000), "HARGA");
  await stageBidFile(bidder.actor, made.tender.id, bidPdf("teknis-uji"), "TEKNIS");
  const first = await makeSubmittedBid(made.tender.id, { vendorId: bidder.vendor.id });
  const second = await makeSubmittedBid(made.tender.id);
  await db.question.create({
    data: {
      tenderId: made.tender.id,
      vendorId: bidder.vendor.id,
      askedById: bidder.user.id,
      body: "Apakah spesifikasi boleh setara?",
      askedAt: new Date(),
    },
  });
  return { ...made, bidder, bids: [first.bid, second.bid] };
}

describe("exportTenderToFile", () => {
  it("writes a bundle whose every entry matches the signed manifest, with the tender's rows and no secrets", async () => {
    const { tender, bidder, bids, members } = await seededTender();
    const out = tempOut();
    const result = await exportTenderToFile({ client: db, code: tender.code, out, source: storeSource(), live: true });

    const { order, bytes } = await unpack(out);
    expect(order.slice(0, 3)).toEqual(["manifest.json", "manifest.sig", "data.json"]);
    const manifestBytes = bytes.get("manifest.json")!;
    expect(sha256(manifestBytes)).toBe(result.manifestSha256);
    const manifest = bundleManifestSchema.parse(JSON.parse(manifestBytes.toString("utf8")));

    // the signature verifies under the public key the manifest names, which is this instance's
    const key = await getInstanceKey();
    expect(manifest.source.instanceKey.fingerprint).toBe(key.fingerprint);
    const signature = Buffer.from(bytes.get("manifest.sig")!.toString("utf8"), "base64");
    expect(verify(null, manifestBytes, createPublicKey(manifest.source.instanceKey.publicKeyPem), signature)).toBe(
      true,
    );
    const tampered = Buffer.from(manifestBytes);
    tampered[10]! ^= 1;
    expect(verify(null, tampered, createPublicKey(manifest.source.instanceKey.publicKeyPem), signature)).toBe(false);

    // every listed entry is there with its size and hash, and nothing else is
    const listed = new Set(manifest.entries.map((e) => e.path));
    expect([...bytes.keys()].filter((p) => !listed.has(p)).sort()).toEqual(["manifest.json", "manifest.sig"]);
    for (const entry of manifest.entries) {
      const content = bytes.get(entry.path)!;
      expect(content, entry.path).toBeDefined();
      expect(content.length).toBe(entry.size);
      expect(sha256(content)).toBe(entry.sha256);
    }
    // the two sealed bid files travel as stored ciphertext
    const files = manifest.entries.filter((e) => e.path.startsWith("files/"));
    expect(files).toHaveLength(2);
    for (const f of files) expect(bytes.get(f.path)!.includes(Buffer.from("harga-uji"))).toBe(false);

    const text = bytes.get("data.json")!.toString("utf8");
    for (const secret of ["passwordHash", "totpSecret", "sessions", 'openedKeyWrapped":{', "recoveryCodes"])
      expect(text).not.toContain(secret);
    const data = JSON.parse(text) as BundleData;
    // every table the bundle carries, and no other (transfer-tables.ts; the guard test checks the list)
    expect(Object.keys(data.tables).sort()).toEqual([...CARRIED_TABLES].sort());
    expect(data.tables.Bid!.map((b) => b.id).sort()).toEqual(bids.map((b) => b.id).sort());
    expect(data.tables.BidFile).toHaveLength(2);
    expect(data.tables.TenderKeyShare).toHaveLength(members.length);
    expect(data.tables.UserOpeningKey).toHaveLength(members.length);
    expect(data.tables.PokjaMember).toHaveLength(members.length);
    expect(data.tables.Question).toHaveLength(1);
    expect(decodeValue(data.tables.Tender![0]!.publishedAt!)).toBeInstanceOf(Date);
    expect(data.tables.Vendor!.map((v) => v.npwp)).toHaveLength(2);
    const asker = data.people.find((p) => p.id === bidder.user.id)!;
    expect(asker.roles).toEqual(expect.arrayContaining(["ASKER", "VENDOR"]));
    expect(asker.vendorId).toBe(bidder.vendor.id);
    expect(Object.keys(data.people[0]!).sort()).toEqual(["email", "id", "name", "nip", "roles", "vendorId"]);
    // the tender's audit trail, with its MACs, e.g. the bid files' staging
    const actions = data.tables.AuditEvent!.map((e) => e.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(manifest.counts.Bid).toBe(2);
    expect(manifest.counts.files).toBe(2);

    const recorded = await db.auditEvent.findMany({ where: { action: "tender.exported", entityId: tender.id } });
    expect(recorded).toHaveLength(1);
    expect((recorded[0]!.data as { manifestSha256: string }).manifestSha256).toBe(result.manifestSha256);
  });

  it("refuses a draft, an ended tender, an opened one, an unknown code and one with rows it does not carry, writing nothing", async () => {
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const draft = await makeTender(await makePaket(agency, ppk.id), { status: "DRAFT" });
    const cancelled = await makeTender(await makePaket(agency, ppk.id), { status: "CANCELLED" });
    const opened = await makeOpenedTender();
    const { tender, members } = await makeSealedBidTender();
    // an approval of the opening is not carried: the bundle must not drop it silently
    await db.openingApproval.create({
      data: { tenderId: tender.id, userId: members[0]!.user.id, approvedAt: new Date() },
    });
    const cases: [string, RegExp][] = [
      [draft.code, /tenderExport\.draft/],
      [cancelled.code, /tenderExport\.ended/],
      [opened.tender.code, /tenderExport\.opened/],
      ["TIDAK-ADA-123", /tenderExport\.notFound/],
      [tender.code, /tenderExport\.uncarried/],
    ];
    for (const [code, key] of cases) {
      const out = tempOut();
      await expect(exportTenderToFile({ client: db, code, out, source: storeSource(), live: true })).rejects.toThrow(
        key,
      );
      expect(readdirSync(path.dirname(out))).toEqual([]);
    }
    await expect(
      exportTenderToFile({ client: db, code: tender.code, out: tempOut(), source: storeSource(), live: true }),
    ).rejects.toMatchObject({ values: { tables: "OpeningApproval" } });
    expect(await db.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);
  });

  it("refuses when a stored bid file is missing or changed, leaving no partial bundle", async () => {
    const { tender, bidder } = await seededTender();
    const file = await db.bidFile.findFirstOrThrow({ where: { tenderId: tender.id, vendorId: bidder.vendor.id } });
    // the local store's layout (src/server/object-store-local.ts): <root>/<area>/<2 chars>/<id>
    const stored = path.join(process.env.SEGEL_FILE_STORE!, "sealed", file.storageKey.slice(0, 2), file.storageKey);
    const { rmSync, writeFileSync } = await import("node:fs");
    const original = readFileSync(stored);
    rmSync(stored);
    const out = tempOut();
    await expect(
      exportTenderToFile({ client: db, code: tender.code, out, source: storeSource(), live: true }),
    ).rejects.toThrow(/tenderExport\.objectsMissing/);
    // same size, one byte changed: caught while streaming, and the partial file is removed
    const changed = Buffer.from(original);
    changed[100]! ^= 0xff;
    writeFileSync(stored, changed);
    await expect(
      exportTenderToFile({ client: db, code: tender.code, out, source: storeSource(), live: true }),
    ).rejects.toThrow(/changed while it was exported/);
    expect(readdirSync(path.dirname(out))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);
  });

  it("streams the admin's download and records the export only once the last byte was produced", async () => {
    const { exportTenderForAdmin } = await import("./export-tender");
    const { tender } = await seededTender();
    const admin = await makeActor("ADMIN_LPSE");
    const bundle = await exportTenderForAdmin(admin, tender.code);
    expect(bundle.fileName).toBe(`tender-${tender.code}.segel.tar`);
    const chunks: Buffer[] = [];
    let first = true;
    for await (const chunk of bundle.stream) {
      if (first) expect(await db.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);
      first = false;
      chunks.push(chunk as Buffer);
    }
    const out = tempOut();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(out, Buffer.concat(chunks));
    const { bytes } = await unpack(out);
    expect(sha256(bytes.get("manifest.json")!)).toBe(bundle.manifestSha256);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.exported", entityId: tender.id } });
    expect(event.actorId).toBe(admin.userId);
    expect(event.data).toMatchObject({ manifestSha256: bundle.manifestSha256, tenderCode: tender.code });
  });

  it("is ADMIN_LPSE's only through the admin download", async () => {
    const { exportTenderForAdmin } = await import("./export-tender");
    const { tender } = await makeSealedBidTender();
    await expect(exportTenderForAdmin(await makeActor("POKJA"), tender.code)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
