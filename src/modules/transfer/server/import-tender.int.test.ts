import { randomUUID } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { isProvenRow } from "@/modules/bids/server/staged-file-proof";
import { verifyReceiptHere } from "@/modules/bids/server/receipt-keys";
import { db } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { objectStore } from "@/server/object-store";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { passDeadline } from "@/modules/bids/testing/opening.fixture";
import {
  actorFor,
  bidPdf,
  makeActor,
  makeBidder,
  makeSealedBidTender,
  makeUser,
  makeUserOpeningKey,
  stageBidFile,
} from "@/tests/factories";
import { becomeAnotherInstance } from "../testing/another-instance";
import { flipByte, makeSourceKey, readTarEntries, rewriteBundle, sha256Hex } from "../testing/bundle-fixture";
import { importUploadedBundle } from "./import-upload";
import { exportTenderToFile } from "./export-tender";
import { importTender } from "./import-tender";
import { storeSource } from "./write-bundle";

/**
 * The import on a second instance: the source tender is exported with E's exporter, then
 * the test database is emptied and given a new file store and instance key (a different
 * LPSE), and the bundle is imported there. Every refusal leaves every table and the store
 * as they were.
 */
async function exportedTender() {
  const made = await makeSealedBidTender();
  const bidder = await makeBidder(made.tender.id);
  const staged = await stageBidFile(bidder.actor, made.tender.id, bidPdf("harga-pindah"), "HARGA");
  const submitted = await submitBid(bidder.actor, {
    integrityPact: true,
    tenderId: made.tender.id,
    price: 950_000_000n,
    files: [{ id: staged.id }],
    idempotencyKey: randomUUID(),
  });
  const bid = await db.bid.findUniqueOrThrow({ where: { id: submitted.bidId } });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-import-src-")), "bundle.tar");
  await exportTenderToFile({ client: db, code: made.tender.code, out: file, source: storeSource(), live: false });
  return {
    file,
    fingerprint: (await getInstanceKey()).fingerprint,
    keyPem: readFileSync(process.env.SEGEL_INSTANCE_KEY_FILE!, "utf8"),
    tender: made.tender,
    uploadEnd: made.uploadEnd,
    members: made.members.map((m) => ({ email: m.user.email, passphrase: m.passphrase })),
    bidderEmail: bidder.user.email,
    bidId: bid.id,
    receipt: { receipt: bid.receipt, signature: bid.receiptSignature, algorithm: "Ed25519" },
  };
}

async function snapshot() {
  const store = objectStore();
  return {
    tender: await db.tender.count(),
    paket: await db.paket.count(),
    stage: await db.tenderStage.count(),
    bid: await db.bid.count(),
    bidFile: await db.bidFile.count(),
    user: await db.user.count(),
    role: await db.roleMembership.count(),
    vendor: await db.vendor.count(),
    pokja: await db.pokja.count(),
    workUnit: await db.workUnit.count(),
    openingKey: await db.userOpeningKey.count(),
    keyShare: await db.tenderKeyShare.count(),
    trusted: await db.trustedInstanceKey.count(),
    imported: await db.importedTender.count(),
    importedAudit: await db.importedAuditEvent.count(),
    audit: await db.auditEvent.count(),
    mail: await db.emailOutbox.count(),
    objects: (await store.list("objects")).length,
    sealed: (await store.list("sealed")).length,
  };
}

async function refusedWithNothingWritten(run: () => Promise<unknown>, messageKey: string) {
  const before = await snapshot();
  await expect(run()).rejects.toMatchObject({ code: "VALIDATION", messageKey: `tenderImport.${messageKey}` });
  expect(await snapshot()).toEqual(before);
}

describe("importTender", () => {
  it("imports the tender with its ids, invites its people, keeps the source key for the old receipt and moves on by the schedule", async () => {
    const source = await exportedTender();
    const { agency, admin } = await becomeAnotherInstance();
    // one Pokja member already works here (matched by e-mail, in another letter case)
    const known = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await db.user.update({ where: { id: known.id }, data: { email: source.members[0]!.email.toUpperCase() } });

    const result = await importTender(admin, {
      bundlePath: source.file,
      agencyId: agency.id,
      expectedFingerprint: source.fingerprint,
    });

    expect(result.tenderId).toBe(source.tender.id);
    const tender = await db.tender.findUniqueOrThrow({
      where: { id: source.tender.id },
      include: { pokja: { include: { members: true } }, paket: true },
    });
    expect(tender).toMatchObject({ code: source.tender.code, status: "PUBLISHED", currentStage: "UPLOAD_PENAWARAN" });
    expect(tender.nextCheckAt?.getTime()).toBe(source.uploadEnd.getTime());
    expect(tender.paket.agencyId).toBe(agency.id);
    expect(tender.pokja?.agencyId).toBe(agency.id);
    expect(tender.pokja?.members).toHaveLength(3);
    expect(tender.pokja?.members.map((m) => m.userId)).toContain(known.id);

    // the matched member got the bundle's opening key; the others are invited, with no password
    expect(await db.userOpeningKey.count({ where: { userId: known.id } })).toBe(1);
    for (const email of [...source.members.slice(1).map((m) => m.email), source.bidderEmail]) {
      const user = await db.user.findUniqueOrThrow({
        where: { email },
        include: { memberships: true, accountTokens: true },
      });
      expect(user.passwordHash).toBeNull();
      expect(user.accountTokens.some((t) => t.kind === "INVITATION")).toBe(true);
    }
    const bidder = await db.user.findUniqueOrThrow({
      where: { email: source.bidderEmail },
      include: { memberships: true },
    });
    expect(bidder.vendorId).not.toBeNull();
    expect(bidder.memberships.map((m) => m.role)).toContain("PENYEDIA");

    const bid = await db.bid.findUniqueOrThrow({ where: { id: source.bidId }, include: { files: true } });
    expect(bid.vendorId).toBe(bidder.vendorId);
    for (const f of bid.files) {
      expect(await isProvenRow(f)).toBe(true);
      expect(await objectStore().size(`sealed/${f.storageKey}`)).toBe(Number(f.sizeBytes));
    }

    // the old receipt verifies here, signed by the source LPSE
    const verified = await verifyReceiptHere(JSON.stringify(source.receipt));
    expect(verified.valid).toBe(true);
    expect(verified.signedBy).toBeTruthy();
    expect(await db.trustedInstanceKey.findUnique({ where: { fingerprint: source.fingerprint } })).not.toBeNull();
    const imported = await db.importedTender.findUniqueOrThrow({ where: { tenderId: source.tender.id } });
    expect(imported.manifestSha256).toBe(result.manifestSha256);
    expect(await db.importedAuditEvent.count({ where: { tenderId: source.tender.id } })).toBeGreaterThan(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.imported" } });
    expect(event.data).toMatchObject({ manifestSha256: result.manifestSha256, sourceFingerprint: source.fingerprint });

    // a second import of the same tender is refused, and writes nothing
    await refusedWithNothingWritten(
      () =>
        importTender(admin, { bundlePath: source.file, agencyId: agency.id, expectedFingerprint: source.fingerprint }),
      "tenderCodeExists",
    );
  });

  it("opens on the importing instance with the Pokja's same passphrases, the old receipt trusted there", async () => {
    const source = await exportedTender();
    const { agency, admin } = await becomeAnotherInstance();
    await importTender(admin, {
      bundlePath: source.file,
      agencyId: agency.id,
      expectedFingerprint: source.fingerprint,
    });
    await passDeadline(source.tender.id);
    for (const member of source.members) {
      const user = await db.user.findUniqueOrThrow({ where: { email: member.email }, include: { memberships: true } });
      const tender = await db.tender.findUniqueOrThrow({ where: { id: source.tender.id }, select: { openedAt: true } });
      if (tender.openedAt) break;
      await approveOpening(actorFor(user), { tenderId: source.tender.id, passphrase: member.passphrase });
    }
    const bid = await db.bid.findUniqueOrThrow({ where: { id: source.bidId }, include: { defects: true } });
    expect(bid.openedPrice).toBe(950_000_000n);
    expect(bid.defects).toEqual([]);
  });

  it("refuses every bad bundle before writing anything", async () => {
    const source = await exportedTender();
    const { agency, admin } = await becomeAnotherInstance();
    const run =
      (bundlePath: string, expectedFingerprint = source.fingerprint) =>
      () =>
        importTender(admin, { bundlePath, agencyId: agency.id, expectedFingerprint });
    const fileEntry = (await import("../testing/bundle-fixture").then((m) => m.readTarEntries(source.file))).find((e) =>
      e.name.startsWith("files/"),
    )!;

    const other = makeSourceKey();
    await refusedWithNothingWritten(
      run(
        await rewriteBundle(source.file, {
          resign: {
            privateKeyPem: other.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
            editManifest: () => {},
          },
        }),
      ),
      "badSignature",
    );
    await refusedWithNothingWritten(
      run(await rewriteBundle(source.file, { edit: (e) => flipByte(e, "data.json", 10) })),
      "hashMismatch",
    );
    await refusedWithNothingWritten(
      run(await rewriteBundle(source.file, { edit: (e) => flipByte(e, fileEntry.name, 100) })),
      "hashMismatch",
    );
    await refusedWithNothingWritten(
      run(await rewriteBundle(source.file, { edit: (e) => e.filter((x) => x.name !== fileEntry.name) })),
      "missingEntry",
    );
    const extra = Buffer.from("berkas tambahan");
    await refusedWithNothingWritten(
      run(
        await rewriteBundle(source.file, { edit: (e) => [...e, { name: `files/${sha256Hex(extra)}`, body: extra }] }),
      ),
      "extraEntry",
    );
    await refusedWithNothingWritten(
      run(await rewriteBundle(source.file, { edit: (e) => [{ name: "../../pindah.txt", body: extra }, ...e] })),
      "pathEscapes",
    );
    await refusedWithNothingWritten(
      run(
        await rewriteBundle(source.file, {
          resign: {
            privateKeyPem: source.keyPem,
            editManifest: (m) => void (m.schemaMigration = "20991231000000_future"),
          },
        }),
      ),
      "schemaNewer",
    );
    await refusedWithNothingWritten(run(source.file, other.fingerprint), "untrustedKey");

    // only ADMIN_LPSE imports
    const ppk = await makeActor("PPK", agency.id);
    const upload = (actor: typeof admin) =>
      importUploadedBundle(actor, Readable.toWeb(createReadStream(source.file)) as never, {
        agencyId: agency.id,
        expectedFingerprint: source.fingerprint,
      });
    const before = await snapshot();
    await expect(upload(ppk)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    // after every refusal, the same bundle uploaded by the admin imports (the upload route's path)
    const result = await upload(admin);
    expect(result.tenderId).toBe(source.tender.id);
    expect((await snapshot()).sealed).toBe(before.sealed + 1);
  });

  it("removes the stored objects again when the transaction fails", async () => {
    const source = await exportedTender();
    const { agency, admin } = await becomeAnotherInstance();
    const bid = await db.bid.findFirstOrThrow({ select: { id: true } }).catch(() => null);
    expect(bid).toBeNull();
    // a bid here with the bundle's idempotency key: the row insert fails inside the transaction
    const key = JSON.parse(
      (await readTarEntries(source.file)).find((e) => e.name === "data.json")!.body!.toString("utf8"),
    ).tables.Bid[0].idempotencyKey as string;
    const { makeQaTender, makeSubmittedBid } = await import("@/tests/factories");
    const other = await makeQaTender();
    const made = await makeSubmittedBid(other.tender.id);
    await db.bid.update({ where: { id: made.bid.id }, data: { idempotencyKey: key } });
    const before = await snapshot();
    await expect(
      importTender(admin, { bundlePath: source.file, agencyId: agency.id, expectedFingerprint: source.fingerprint }),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a matched Pokja member whose opening key here differs from the bundle's, naming the member", async () => {
    const source = await exportedTender();
    const { agency, admin } = await becomeAnotherInstance();
    const member = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await db.user.update({ where: { id: member.id }, data: { email: source.members[1]!.email } });
    await makeUserOpeningKey(member.id, "kunci lain di LPSE tujuan");
    const before = await snapshot();
    await expect(
      importTender(admin, { bundlePath: source.file, agencyId: agency.id, expectedFingerprint: source.fingerprint }),
    ).rejects.toMatchObject({
      messageKey: "tenderImport.openingKeyDiffers",
      values: { email: source.members[1]!.email },
    });
    expect(await snapshot()).toEqual(before);
  });
});
