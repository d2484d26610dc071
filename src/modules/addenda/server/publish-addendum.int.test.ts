import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { makeQaTender, PDF_BYTES, registerParticipant } from "@/tests/factories";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { markNotificationsRead } from "@/modules/notifications/server/mark-notifications-read";
import { db, dbNow } from "@/server/db";
import { findTenderAddenda } from "./find-tender-addenda";
import { findUnseenAddenda } from "./find-unseen-addenda";
import { publishAddendum } from "./publish-addendum";

const SUMMARY = "Spesifikasi laptop diubah: RAM 16 GB, bukan 8 GB.";

async function withAddendumFile(stages?: NonNullable<Parameters<typeof makeQaTender>[0]>["stages"]) {
  const made = await makeQaTender({ stages });
  const participant = await registerParticipant(made.tender.id);
  const doc = await uploadDocument(made.pokja, {
    target: { tenderId: made.tender.id },
    kind: "ADENDUM",
    fileName: "Adendum 1.pdf",
    body: Readable.from([PDF_BYTES]),
  });
  return { ...made, participant, documentId: doc.id };
}

const passDeadline = (tenderId: string) =>
  db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tenderId}::uuid AND kind = 'UPLOAD_PENAWARAN'`;

describe("publishAddendum", () => {
  it("publishes the file, audits it, notifies participants, and the vendor sees a banner until marked seen", async () => {
    const { tender, pokja, participant, documentId } = await withAddendumFile();
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });

    expect(
      (await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { isPublic: true } })).isPublic,
    ).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "tender.addendumPublished", entityId: tender.id },
      select: { actorId: true, data: true },
    });
    expect(audit).toMatchObject({ actorId: pokja.userId, data: { documentId, summary: SUMMARY } });
    expect(await findTenderAddenda(tender.id)).toMatchObject([
      { number: 1, documentId, fileName: "Adendum 1.pdf", summary: SUMMARY },
    ]);
    expect(
      await db.emailOutbox.count({ where: { to: participant.penyedia.email, subject: { startsWith: "Adendum" } } }),
    ).toBe(1);

    const unseen = await findUnseenAddenda(participant.penyedia, tender.id);
    expect(unseen).toMatchObject([{ documentId }]);
    expect(unseen[0]!.body).toContain(SUMMARY);
    await markNotificationsRead(
      participant.penyedia,
      unseen.map((u) => u.notificationId),
    );
    expect(await findUnseenAddenda(participant.penyedia, tender.id)).toEqual([]);
  });

  it("refuses after the bid deadline, and leaves everything as it was", async () => {
    const { tender, pokja, documentId } = await withAddendumFile();
    await db.document.update({ where: { id: documentId }, data: { isPublic: false } });
    await passDeadline(tender.id);
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "addendumAfterDeadline",
    });
    expect(
      (await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { isPublic: true } })).isPublic,
    ).toBe(false);
    expect(await db.notification.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.addendumPublished" } })).toBe(0);
  });

  it("refuses another Pokja, a short summary, a document of another kind, and the same file twice", async () => {
    const { tender, pokja, documentId } = await withAddendumFile();
    const other = await makeQaTender();
    await expect(
      publishAddendum(other.pokja, { tenderId: tender.id, documentId, summary: SUMMARY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: "pendek" })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "addendumSummaryTooShort",
    });
    const foreign = await uploadDocument(other.pokja, {
      target: { tenderId: other.tender.id },
      kind: "ADENDUM",
      fileName: "lain.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    await expect(
      publishAddendum(pokja, { tenderId: tender.id, documentId: foreign.id, summary: SUMMARY }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "addendumDocumentInvalid" });
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });
    await expect(publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "addendumAlreadyPublished",
    });
    expect(await db.auditEvent.count({ where: { action: "tender.addendumPublished" } })).toBe(1);
  });

  it("late in the bid window pushes the deadline and the later stages back so bidders keep 4 days, publicly, in the same transaction", async () => {
    const { tender, pokja, participant, documentId, procedure } = await lateTender();
    const before = await dbNow();
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });
    const after = await dbNow();

    const stages = await db.tenderStage.findMany({
      where: { tenderId: tender.id },
      orderBy: { position: "asc" },
      select: { kind: true, startsAt: true, endsAt: true },
    });
    const deadline = stages[1]!.endsAt.getTime();
    expect(deadline).toBeGreaterThanOrEqual(before.getTime() + procedure.addendumMinHours * H);
    expect(deadline).toBeLessThanOrEqual(after.getTime() + procedure.addendumMinHours * H);
    // the opening follows the new deadline at the same distance as before (it started at the old deadline)
    expect(stages[2]!.startsAt.getTime()).toBe(deadline);
    expect(stages[2]!.endsAt.getTime() - stages[2]!.startsAt.getTime()).toBe(2 * H);

    const history = await db.scheduleChange.findMany({
      where: { tenderId: tender.id },
      select: { changedById: true, reason: true },
    });
    expect(history).toHaveLength(2);
    expect(history.every((c) => c.changedById === null && c.reason.includes("4 hari"))).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.scheduleChanged", entityId: tender.id },
      select: { actorId: true, data: true },
    });
    expect(audit).toMatchObject({
      actorId: pokja.userId,
      data: {
        stage: "UPLOAD_PENAWARAN",
        addendumDocumentId: documentId,
        addendumMinHours: 96,
        pushedBack: [{ stage: "PEMBUKAAN" }],
      },
    });
    expect(
      await db.notification.findMany({
        where: { userId: participant.penyedia.userId },
        select: { kind: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual(expect.arrayContaining([{ kind: "tender.scheduleChanged" }]));
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).nextCheckAt).toEqual(new Date(deadline));
  });

  it("early in the bid window leaves the schedule as it is", async () => {
    const { tender, pokja, documentId } = await withAddendumFile([
      ["PENGUMUMAN", -48, -1],
      ["UPLOAD_PENAWARAN", -1, 97],
      ["PEMBUKAAN", 97, 99],
    ]);
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.scheduleChanged" } })).toBe(0);
  });

  it("takes the figure from the procedure's configuration", async () => {
    const { tender, pokja, documentId, procedure } = await lateTender();
    await db.procedureConfig.update({ where: { id: procedure.id }, data: { addendumMinHours: 23 } });
    await publishAddendum(pokja, { tenderId: tender.id, documentId, summary: SUMMARY });
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id } })).toBe(0);
  });
});

const H = 3_600_000;

/** The bid window open, its deadline 24 hours away: less than the 4 days an addendum leaves. */
async function lateTender() {
  const made = await withAddendumFile([
    ["PENGUMUMAN", -48, -1],
    ["UPLOAD_PENAWARAN", -1, 24],
    ["PEMBUKAAN", 24, 26],
  ]);
  const { procedure } = await db.tender.findUniqueOrThrow({
    where: { id: made.tender.id },
    select: { procedure: { select: { id: true, addendumMinHours: true } } },
  });
  return { ...made, procedure };
}
