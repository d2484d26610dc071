import { describe, expect, it } from "vitest";
import type { StageKind } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { announceWinner } from "@/modules/award/server/announce-winner";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { actorFor, makeActor, makeScheduledTender, makeVendor, makeVendorUser } from "@/tests/factories";
import { findMyTenders } from "./find-my-tenders";
import { getRegistrationState } from "./get-registration-state";
import { registerForTender } from "./register-for-tender";

const OPEN: [StageKind, number, number][] = [
  ["PENGUMUMAN", -2, 24],
  ["UPLOAD_PENAWARAN", -1, 48],
];
const PAST_DEADLINE: [StageKind, number, number][] = [
  ["UPLOAD_PENAWARAN", -48, -1],
  ["PEMBUKAAN", -1, 24],
];

async function verifiedVendorUser(status: "PENDING" | "VERIFIED" | "REJECTED" = "VERIFIED") {
  const vendor = await makeVendor({ status });
  return { vendor, actor: actorFor(await makeVendorUser(vendor)) };
}

describe("registerForTender", () => {
  it("registers a verified vendor for a published tender at the database time, with an audit row", async () => {
    const { tender, now } = await makeScheduledTender({ stages: OPEN });
    const { vendor, actor } = await verifiedVendorUser();
    const result = await registerForTender(actor, { tenderId: tender.id });
    expect(result.isNew).toBe(true);
    expect(result.registeredAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
    const row = await db.tenderParticipant.findUniqueOrThrow({
      where: { tenderId_vendorId: { tenderId: tender.id, vendorId: vendor.id } },
    });
    expect(row.registeredAt).toEqual(result.registeredAt);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.participantRegistered", entityId: tender.id },
    });
    expect(audit).toMatchObject({ actorId: actor.userId, data: { vendorId: vendor.id, code: tender.code } });
    expect(await findMyTenders(actor)).toMatchObject([{ tenderId: tender.id, code: tender.code, status: "PUBLISHED" }]);
    expect(await getRegistrationState(actor, tender.id)).toMatchObject({ kind: "registered" });
  });

  it("is idempotent: a second click returns the first registration and records nothing more", async () => {
    const { tender } = await makeScheduledTender({ stages: OPEN });
    const { actor } = await verifiedVendorUser();
    const first = await registerForTender(actor, { tenderId: tender.id });
    const [a, b] = await Promise.all([
      registerForTender(actor, { tenderId: tender.id }),
      registerForTender(actor, { tenderId: tender.id }),
    ]);
    expect([a, b]).toEqual([
      { registeredAt: first.registeredAt, isNew: false },
      { registeredAt: first.registeredAt, isNew: false },
    ]);
    expect(await db.tenderParticipant.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "tender.participantRegistered" } })).toBe(1);
  });

  it("refuses a draft tender as not found, and failed or cancelled tenders as closed", async () => {
    const { actor } = await verifiedVendorUser();
    const draft = await makeScheduledTender({ status: "DRAFT", stages: OPEN });
    await expect(registerForTender(actor, { tenderId: draft.tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const status of ["FAILED", "CANCELLED"] as const) {
      const { tender } = await makeScheduledTender({ status, stages: OPEN });
      await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "tenderNotOpenForRegistration",
      });
    }
    expect(await db.tenderParticipant.count()).toBe(0);
  });

  it("refuses a tender under evaluation or awarded: nobody takes part once the bids are in", async () => {
    const { actor } = await verifiedVendorUser();
    const { pokja, tender } = await makeAwardReadyTender();
    const refused = { code: "INVALID_STATE", messageKey: "tenderNotOpenForRegistration" };
    await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject(refused);
    await announceWinner(pokja, { tenderId: tender.id });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).status).toBe("AWARDED");
    await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject(refused);
    expect(await getRegistrationState(actor, tender.id)).toEqual({ kind: "closed" });
    expect(await db.tenderParticipant.count({ where: { vendorId: actor.vendorId! } })).toBe(0);
  });

  it("refuses after the bid deadline by the database clock", async () => {
    const { tender } = await makeScheduledTender({ stages: PAST_DEADLINE });
    const { actor } = await verifiedVendorUser();
    await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderRegistrationClosed",
    });
    expect(await getRegistrationState(actor, tender.id)).toEqual({ kind: "closed" });
    expect(await db.tenderParticipant.count()).toBe(0);
  });

  it("refuses an unverified vendor and anyone who is not a vendor user", async () => {
    const { tender } = await makeScheduledTender({ stages: OPEN });
    for (const status of ["PENDING", "REJECTED"] as const) {
      const { actor } = await verifiedVendorUser(status);
      await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "ownVendorNotVerified",
      });
      expect(await getRegistrationState(actor, tender.id)).toEqual({ kind: "notVerified" });
    }
    const ppk = await makeActor("PPK");
    await expect(registerForTender(ppk, { tenderId: tender.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getRegistrationState(ppk, tender.id)).toEqual({ kind: "notVendor" });
    expect(await getRegistrationState(null, tender.id)).toEqual({ kind: "anonymous" });
    expect(await db.tenderParticipant.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
