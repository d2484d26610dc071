import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { makeQaTender, PDF_BYTES, registerParticipant } from "@/tests/factories";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { markNotificationsRead } from "@/modules/notifications/server/mark-notifications-read";
import { db } from "@/server/db";
import { findTenderAddenda } from "./find-tender-addenda";
import { findUnseenAddenda } from "./find-unseen-addenda";
import { publishAddendum } from "./publish-addendum";

const SUMMARY = "Spesifikasi laptop diubah: RAM 16 GB, bukan 8 GB.";

async function withAddendumFile() {
  const made = await makeQaTender();
  const participant = await registerParticipant(made.tender.id);
  const doc = await uploadDocument(made.pokja, { target: { tenderId: made.tender.id }, kind: "ADENDUM", fileName: "Adendum 1.pdf", body: Readable.from([PDF_BYTES]) });
  return { ...made, participant, documentId: doc.id };
}

const passDeadline = (tenderId: string) =>
  db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tenderId}::uuid AND kind = 'UPLOAD_PENAWARAN'`;

describe("publishAddendum", () => {
  it("publishes the file, audits it, notifies participants, and the vendor sees a banner until marked seen", async () => {
    const { tender, pokja, participant, documentId } = await withAddendumFile();
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });

    expect((await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { isPublic: true } })).isPublic).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { action: "tender.addendumPublished", entityId: tender.id }, select: { actorId: true, data: true } });
    expect(audit).toMatchObject({ actorId: pokja.userId, data: { documentId, summary: SUMMARY } });
    expect(await findTenderAddenda(tender.id)).toMatchObject([{ number: 1, documentId, fileName: "Adendum 1.pdf", summary: SUMMARY }]);
    expect(await db.emailOutbox.count({ where: { to: participant.penyedia.email, subject: { startsWith: "Adendum" } } })).toBe(1);

    const unseen = await findUnseenAddenda(participant.penyedia, tender.id);
    expect(unseen).toMatchObject([{ documentId }]);
    expect(unseen[0]!.body).toContain(SUMMARY);
    await markNotificationsRead(participant.penyedia, unseen.map((u) => u.notificationId));
    expect(await findUnseenAddenda(participant.penyedia, tender.id)).toEqual([]);
  });

  it("refuses after the bid deadline, and leaves everything as it was", async () => {
    const { tender, pokja, documentId } = await withAddendumFile();
    await db.document.update({ where: { id: documentId }, data: { isPublic: false } });
    await passDeadline(tender.id);
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY })).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "addendumAfterDeadline" });
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { isPublic: true } })).isPublic).toBe(false);
    expect(await db.notification.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.addendumPublished" } })).toBe(0);
  });

  it("refuses another Pokja, a short summary, a document of another kind, and the same file twice", async () => {
    const { tender, pokja, documentId } = await withAddendumFile();
    const other = await makeQaTender();
    await expect(publishAddendum(other.pokja, { tenderId: tender.id, documentId, summary: SUMMARY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: "pendek" })).rejects.toMatchObject({ code: "VALIDATION", messageKey: "addendumSummaryTooShort" });
    const foreign = await uploadDocument(other.pokja, { target: { tenderId: other.tender.id }, kind: "ADENDUM", fileName: "lain.pdf", body: Readable.from([PDF_BYTES]) });
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId: foreign.id, summary: SUMMARY })).rejects.toMatchObject({ code: "VALIDATION", messageKey: "addendumDocumentInvalid" });
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "addendumAlreadyPublished" });
    expect(await db.auditEvent.count({ where: { action: "tender.addendumPublished" } })).toBe(1);
  });
});
