import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TenderStatus } from "@/generated/prisma/enums";
import { getAnnouncement } from "@/modules/announcement/server/get-announcement";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import {
  actorFor,
  makeActor,
  makeAwardedTender,
  makePokjaTender,
  makeUser,
  PDF_BYTES,
  registerParticipant,
} from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { cancelTender } from "./cancel-tender";

const REASON = "Anggaran paket dialihkan untuk penanganan bencana sesuai surat PA/KPA.";

/** A tender of a Pokja of three in `status`, with the stamps PostgreSQL ties that status to. */
async function tenderIn(status: Exclude<TenderStatus, "FAILED" | "CANCELLED" | "COMPLETED">) {
  if (status === "AWARDED") return makeAwardedTender();
  const made = await makePokjaTender();
  if (status === "DRAFT") return made;
  const now = await dbNow();
  const hour = (h: number) => new Date(now.getTime() + h * 3_600_000);
  await db.paket.update({ where: { id: made.paket.id }, data: { status: "IN_SELECTION" } });
  const tender = await db.tender.update({
    where: { id: made.tender.id },
    data: {
      status,
      publishedAt: hour(-48),
      nextCheckAt: hour(24),
      ...(status === "EVALUATION" ? { openedAt: hour(-1) } : {}),
    },
  });
  return { ...made, tender };
}

const uploadLetter = (actor: Parameters<typeof uploadDocument>[0], tenderId: string) =>
  uploadDocument(actor, {
    target: { tenderId },
    kind: "PEMBATALAN",
    fileName: "Surat PA-KPA.pdf",
    body: Readable.from([PDF_BYTES]),
  });

const stateOf = (tenderId: string) =>
  db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      status: true,
      cancelledAt: true,
      endReason: true,
      nextCheckAt: true,
      paket: { select: { status: true } },
    },
  });

describe("cancelTender", () => {
  it.each(["DRAFT", "PUBLISHED", "EVALUATION", "AWARDED"] as const)(
    "a Pokja member cancels a tender in %s: status, stamp, reason, audit, paket back to the PPK",
    async (status) => {
      const { tender, pokja, paket } = await tenderIn(status);
      const { cancelledAt } = await cancelTender(pokja, {
        tenderId: tender.id,
        ground: "FORCE_MAJEURE",
        reason: REASON,
      });
      expect(await stateOf(tender.id)).toEqual({
        status: "CANCELLED",
        cancelledAt,
        endReason: REASON,
        nextCheckAt: null,
        paket: { status: "DRAFT" },
      });
      const audit = await db.auditEvent.findMany({
        where: { actorId: pokja.userId, action: { in: ["tender.cancelled", "paket.returnedToPpk"] } },
        orderBy: { seq: "asc" },
      });
      expect(audit.map((e) => [e.action, e.entityId])).toEqual([
        ["tender.cancelled", tender.id],
        ["paket.returnedToPpk", paket.id],
      ]);
      expect(audit[0]!.data).toMatchObject({
        fromStatus: status,
        toStatus: "CANCELLED",
        ground: "FORCE_MAJEURE",
        endReason: REASON,
        documents: [],
      });
    },
  );

  it("refuses after the SPPBJ and once the tender has ended; nothing is written", async () => {
    const { tender, pokja } = await makeAwardedTender();
    const now = await dbNow();
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "COMPLETED", sppbjIssuedAt: now, completedAt: now },
    });
    await expect(cancelTender(pokja, { tenderId: tender.id, ground: "OTHER", reason: REASON })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "cancelAfterSppbj",
    });
    expect((await stateOf(tender.id)).status).toBe("COMPLETED");

    const failed = await tenderIn("PUBLISHED");
    await db.tender.update({
      where: { id: failed.tender.id },
      data: {
        status: "FAILED",
        failedAt: now,
        failureKind: "NO_BIDS",
        endReason: "Tidak ada penawaran yang masuk.",
        nextCheckAt: null,
      },
    });
    await expect(
      cancelTender(failed.pokja, { tenderId: failed.tender.id, ground: "OTHER", reason: REASON }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "cancelTenderEnded" });
    expect(await db.auditEvent.count({ where: { action: { in: ["tender.cancelled", "paket.returnedToPpk"] } } })).toBe(
      0,
    );
  });

  it("is NOT_FOUND for a POKJA of the agency outside the tender's Pokja, the PPK, the PA/KPA and a vendor", async () => {
    const { tender, agency, ppk, kpa, winner } = await makeAwardedTender();
    const outsider = await makeActor("POKJA", agency.id);
    for (const actor of [outsider, ppk, kpa, winner.penyedia]) {
      await expect(cancelTender(actor, { tenderId: tender.id, ground: "OTHER", reason: REASON })).rejects.toMatchObject(
        { code: "NOT_FOUND" },
      );
    }
    expect((await stateOf(tender.id)).status).toBe("AWARDED");
  });

  it("writes nothing on bad input: a short reason, no ground, a PA/KPA ground without its letter, another tender's document", async () => {
    const { tender, pokja } = await tenderIn("PUBLISHED");
    await registerParticipant(tender.id);
    const other = await tenderIn("PUBLISHED");
    const foreign = await uploadLetter(other.pokja, other.tender.id);
    const attempts = [
      [{ ground: "OTHER", reason: "terlalu pendek" }, "VALIDATION", "reasonTooShort"],
      [{ ground: "", reason: REASON }, "VALIDATION", "cancelGroundRequired"],
      [{ ground: "BUDGET_UNAVAILABLE", reason: REASON }, "VALIDATION", "cancelNeedsLetter"],
      [{ ground: "OTHER", reason: REASON, documentIds: [foreign.id] }, "VALIDATION", "cancelDocumentInvalid"],
      [{ ground: "OTHER", reason: REASON, documentIds: ["bukan-uuid"] }, "VALIDATION", "cancelDocumentInvalid"],
    ] as const;
    for (const [input, code, messageKey] of attempts) {
      await expect(cancelTender(pokja, { tenderId: tender.id, ...input } as never)).rejects.toMatchObject({
        code,
        messageKey,
      });
    }
    expect(await stateOf(tender.id)).toMatchObject({
      status: "PUBLISHED",
      cancelledAt: null,
      endReason: null,
      paket: { status: "IN_SELECTION" },
    });
    expect(await db.auditEvent.count({ where: { action: { in: ["tender.cancelled", "paket.returnedToPpk"] } } })).toBe(
      0,
    );
    expect(await db.notification.count()).toBe(0);
    expect(await db.document.findUniqueOrThrow({ where: { id: foreign.id }, select: { isPublic: true } })).toEqual({
      isPublic: false,
    });
  });

  it("tells every participant and the PPK, in the inbox and by e-mail", async () => {
    const { tender, pokja, paket } = await tenderIn("EVALUATION");
    const first = await registerParticipant(tender.id, { users: 2 });
    const second = await registerParticipant(tender.id);
    await cancelTender(pokja, { tenderId: tender.id, ground: "OTHER", reason: REASON });
    const told = await db.notification.findMany({
      where: { kind: "tender.cancelled" },
      select: { userId: true, body: true, link: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual(
      [...first.users.map((u) => u.userId), second.penyedia.userId].sort(),
    );
    expect(told[0]).toMatchObject({ body: expect.stringContaining(REASON), link: `/tender/${tender.code}` });
    expect(
      await db.notification.findMany({ where: { kind: "paket.returnedToPpk" }, select: { userId: true, link: true } }),
    ).toEqual([{ userId: paket.createdById, link: `/paket/${paket.id}` }]);
    expect(await db.emailOutbox.count()).toBe(4);
  });

  it("a PA/KPA ground cites its letter, which the public reads with the reason once cancelled", async () => {
    const { tender, pokja } = await tenderIn("PUBLISHED");
    const letter = await uploadLetter(pokja, tender.id);
    expect(letter.kind).toBe("PEMBATALAN");
    expect((await getAnnouncement(tender.code)).documents.map((d) => d.id)).not.toContain(letter.id);

    const { cancelledAt } = await cancelTender(pokja, {
      tenderId: tender.id,
      ground: "BUDGET_UNAVAILABLE",
      reason: REASON,
      documentIds: [letter.id],
    });
    const announcement = await getAnnouncement(tender.code);
    expect(announcement).toMatchObject({
      status: "CANCELLED",
      isEnded: true,
      endReason: REASON,
      endedAt: cancelledAt,
      currentStage: null,
    });
    expect(announcement.documents).toContainEqual(expect.objectContaining({ id: letter.id, kind: "PEMBATALAN" }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.cancelled", entityId: tender.id } });
    expect(audit.data).toMatchObject({
      ground: "BUDGET_UNAVAILABLE",
      documents: [{ id: letter.id, fileName: letter.fileName, sha256: letter.sha256 }],
    });
    // nothing more is attached to a cancelled tender
    await expect(uploadLetter(pokja, tender.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "cancelTenderEnded",
    });
  });

  it("only the tender's Pokja attaches a letter", async () => {
    const { tender, agency, ppk } = await tenderIn("PUBLISHED");
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    for (const actor of [outsider, ppk])
      await expect(uploadLetter(actor, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.document.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("a draft cancelled before it was announced stays off the public pages", async () => {
    const { tender, pokja } = await tenderIn("DRAFT");
    await cancelTender(pokja, {
      tenderId: tender.id,
      ground: "NEED_CHANGED",
      reason: REASON,
      documentIds: [(await uploadLetter(pokja, tender.id)).id],
    });
    await expect(getAnnouncement(tender.code)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.document.count({ where: { tenderId: tender.id, isPublic: true } })).toBe(0);
  });
});
