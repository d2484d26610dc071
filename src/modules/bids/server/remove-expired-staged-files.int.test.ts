import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile, setUpTestInstanceKey } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { STAGED_FILE_GRACE_MS } from "../domain/bid-rules";
import { removeExpiredStagedFiles } from "./remove-expired-staged-files";
import { storedCiphertextSha256 } from "./staged-file-proof";
import { submitBid } from "./submit-bid";
import { withdrawBid } from "./withdraw-bid";

setUpTestInstanceKey();

/** The bid deadline was `agoMs` ago by the database clock. */
async function deadlineWas(tenderId: string, agoMs: number) {
  const now = (await dbNow()).getTime();
  await db.tenderStage.updateMany({
    where: { tenderId, kind: "UPLOAD_PENAWARAN" },
    data: { startsAt: new Date(now - agoMs - 3_600_000), endsAt: new Date(now - agoMs) },
  });
}

const isStored = async (storageKey: string) => (await storedCiphertextSha256(storageKey)) !== null;

describe("removeExpiredStagedFiles (the worker's clean-up)", () => {
  it("removes never-submitted staged files, row and stored object, once the deadline plus the grace period has passed; keeps every file of a bid, withdrawn or replaced ones too", async () => {
    const { tender } = await makeSealedBidTender();
    const submitter = await makeBidder(tender.id);
    const idle = await makeBidder(tender.id);
    const replaced = await stageBidFile(submitter.actor, tender.id, bidPdf("diganti"));
    await submitBid(submitter.actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 10n,
      files: [{ id: replaced.id }],
      idempotencyKey: randomUUID(),
    });
    const withdrawn = await stageBidFile(submitter.actor, tender.id, bidPdf("ditarik"));
    await submitBid(submitter.actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 9n,
      files: [{ id: withdrawn.id }],
      idempotencyKey: randomUUID(),
    });
    await withdrawBid(submitter.actor, { tenderId: tender.id });
    const leftOver = await stageBidFile(submitter.actor, tender.id, bidPdf("tidak dikirim"), "TEKNIS");
    const neverSent = await stageBidFile(idle.actor, tender.id, bidPdf("tidak pernah dikirim"));
    // another tender, still open: its staged file stays whatever happens here
    const open = await makeSealedBidTender();
    const stillOpen = await makeBidder(open.tender.id);
    const waiting = await stageBidFile(stillOpen.actor, open.tender.id, bidPdf("masih dibuka"));
    const keys = Object.fromEntries(
      await Promise.all(
        [replaced, withdrawn, leftOver, neverSent, waiting].map(
          async (f) => [f.id, (await db.bidFile.findUniqueOrThrow({ where: { id: f.id } })).storageKey] as const,
        ),
      ),
    );

    // one minute inside the grace period: nothing goes
    await deadlineWas(tender.id, STAGED_FILE_GRACE_MS - 60_000);
    expect(await removeExpiredStagedFiles({ limit: 100 })).toEqual({ checked: 0, transitions: [] });
    expect(await db.bidFile.count()).toBe(5);

    await deadlineWas(tender.id, STAGED_FILE_GRACE_MS + 1);
    expect(await removeExpiredStagedFiles({ limit: 100 })).toEqual({ checked: 2, transitions: [] });
    expect((await db.bidFile.findMany({ select: { id: true } })).map((f) => f.id).sort()).toEqual(
      [replaced.id, withdrawn.id, waiting.id].sort(),
    );
    for (const f of [leftOver, neverSent]) expect(await isStored(keys[f.id]!)).toBe(false);
    for (const f of [replaced, withdrawn, waiting]) expect(await isStored(keys[f.id]!)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { action: "bid.stagedFileExpired" }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.entityId, e.actorId, e.data])).toEqual([
      [
        leftOver.id,
        null,
        { tenderId: tender.id, vendorId: submitter.vendor.id, part: "TEKNIS", commitment: leftOver.commitment },
      ],
      [
        neverSent.id,
        null,
        { tenderId: tender.id, vendorId: idle.vendor.id, part: "HARGA", commitment: neverSent.commitment },
      ],
    ]);
    // done once: a second run finds nothing
    expect(await removeExpiredStagedFiles({ limit: 100 })).toEqual({ checked: 0, transitions: [] });
  });

  it("takes a batch at a time, and two workers running at once never take the same file", async () => {
    const { tender } = await makeSealedBidTender();
    const files = [];
    for (let i = 0; i < 4; i++) {
      const { actor } = await makeBidder(tender.id);
      files.push(await stageBidFile(actor, tender.id, bidPdf(`sisa ${i}`)));
    }
    await deadlineWas(tender.id, STAGED_FILE_GRACE_MS + 1);
    const runs = await Promise.all([removeExpiredStagedFiles({ limit: 2 }), removeExpiredStagedFiles({ limit: 2 })]);
    expect(runs.map((r) => r.checked).reduce((a, b) => a + b)).toBe(4);
    expect(await db.bidFile.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.stagedFileExpired" } })).toBe(4);
  });
});
