import { describe, expect, it } from "vitest";
import { db, dbNow } from "@/server/db";
import { makeOpenedTender } from "@/tests/factories";
import { makeAwardReadyTender } from "../testing/evaluate";
import { findOwnInvitations, findPokjaInvitations } from "./find-evaluation-invitations";
import { sendEvaluationInvitation } from "./send-evaluation-invitation";

const HOUR = 3_600_000;
const details = {
  kind: "PEMBUKTIAN" as const,
  place: "Ruang rapat ULP, Lantai 2, Kantor Bupati",
  note: "Dokumen asli kualifikasi dan akta pendirian.",
};

describe("sendEvaluationInvitation", () => {
  it("invites the chosen bidders: they are told and see it, the others do not; audited", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    const at = new Date((await dbNow()).getTime() + 24 * HOUR);
    const chosen = bidders.slice(0, 2);
    const { id, notified } = await sendEvaluationInvitation(pokja, {
      tenderId: tender.id,
      bidIds: chosen.map((b) => b.bid.id),
      at,
      ...details,
    });
    expect(notified).toBe(2);
    expect(await db.evaluationInvitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      tenderId: tender.id,
      kind: "PEMBUKTIAN",
      at,
      place: details.place,
      sentById: pokja.userId,
    });
    for (const b of chosen) {
      expect(await findOwnInvitations(b.actor, tender.id)).toMatchObject([
        { id, at, place: details.place, note: details.note },
      ]);
      const [message] = await db.notification.findMany({
        where: { userId: b.user.id, kind: "evaluation.invitationSent" },
      });
      expect(message!.body).toContain(details.place);
      expect(message!.link).toBe(`/penyedia/penawaran/${tender.id}`);
    }
    expect(await findOwnInvitations(bidders[2]!.actor, tender.id)).toEqual([]);
    expect(await db.notification.count({ where: { userId: bidders[2]!.user.id } })).toBe(0);
    expect((await findPokjaInvitations(pokja, tender.id))[0]!.vendorNames).toEqual(
      chosen.map((b) => b.vendor.name).sort(),
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.invitationSent", entityId: tender.id },
    });
    expect(audit).toMatchObject({
      actorId: pokja.userId,
      data: expect.objectContaining({ invitationId: id, kind: "PEMBUKTIAN", at: at.toISOString() }),
    });
  });

  it("refuses a time that is not after now by the database clock, and writes nothing", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    for (const at of [new Date((await dbNow()).getTime() - 60_000), new Date(0)]) {
      await expect(
        sendEvaluationInvitation(pokja, { tenderId: tender.id, bidIds: [bidders[0]!.bid.id], at, ...details }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { at: ["invitationAtPast"] },
      });
    }
    expect(await db.evaluationInvitation.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
  });

  it("refuses a bid of another tender, an outsider, and a tender whose winner is set", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    const at = new Date((await dbNow()).getTime() + HOUR);
    await expect(
      sendEvaluationInvitation(pokja, {
        tenderId: tender.id,
        bidIds: [bidders[0]!.bid.id, other.bidders[0]!.bid.id],
        at,
        ...details,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      sendEvaluationInvitation(other.pokja, { tenderId: tender.id, bidIds: [bidders[0]!.bid.id], at, ...details }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const awarded = await makeAwardReadyTender();
    await expect(
      sendEvaluationInvitation(awarded.pokja, {
        tenderId: awarded.tender.id,
        bidIds: [awarded.bidders[0]!.bid.id],
        at,
        ...details,
      }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationClosed",
    });
    expect(await db.evaluationInvitation.count()).toBe(0);
  });

  it("PostgreSQL refuses a blank place and a meeting before the invitation was sent", async () => {
    const { pokja, tender } = await makeOpenedTender();
    const insert = (place: string, atOffset: string) =>
      db.$executeRawUnsafe(
        `INSERT INTO "EvaluationInvitation" (id, "tenderId", kind, at, place, note, "sentById", "sentAt")
         VALUES (gen_random_uuid(), $1::uuid, 'PEMBUKTIAN', now() + $3::interval, $2, 'Dokumen asli.', $4::uuid, now())`,
        tender.id,
        place,
        atOffset,
        pokja.userId,
      );
    await expect(insert("   ", "1 day")).rejects.toThrow(/EvaluationInvitation_place_not_blank/);
    await expect(insert("Ruang rapat", "-1 minute")).rejects.toThrow(/EvaluationInvitation_at_after_sent/);
    await insert("Ruang rapat", "1 day");
    expect(await db.evaluationInvitation.count()).toBe(1);
  });
});
