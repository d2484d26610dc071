import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { activeMembershipWhere } from "@/modules/auth";
import { can, hasRole, type Actor } from "@/modules/auth/domain";
import { notify } from "@/modules/notifications";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkPenunjukanLangsung } from "../domain/failure-rules";
import { penunjukanLangsungRequestedMessage } from "../domain/messages";
import { requestPenunjukanLangsungSchema, type RequestPenunjukanLangsungInput } from "../failure.schemas";
import { parseInput, TENDER_REF_SELECT, tenderRef } from "./parse-input";

/** The PPK of the paket's agency, or a member of the tender's Pokja holding POKJA there. */
function mayRequest(actor: Actor, agencyId: string, pokjaUserIds: readonly string[]) {
  if (!can(actor, "penunjukanLangsung.request", { agencyId })) return false;
  return hasRole(actor, "PPK", agencyId) || pokjaUserIds.includes(actor.userId);
}

/** The agency's PA/KPA users whose role counts now, who decide. */
export async function kpaUserIds(tx: Tx, agencyId: string) {
  const users = await tx.user.findMany({
    where: { memberships: { some: { role: "KPA", agencyId, ...activeMembershipWhere(await dbNow(tx)) } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Asks the PA/KPA for penunjukan langsung after a failed tender ulang (Perpres 16/2018
 * Pasal 38 ayat (5) and Pasal 51 as amended by Perpres 12/2021). A proposed vendor is
 * optional, and must be verified.
 */
export async function requestPenunjukanLangsung(actor: Actor, input: RequestPenunjukanLangsungInput) {
  const { tenderId, justification, vendorId } = parseInput(requestPenunjukanLangsungSchema, input);
  return db.$transaction(async (tx) => {
    const access = await tx.tender.findUnique({
      where: { id: tenderId },
      select: { paket: { select: { agencyId: true } }, pokja: { select: { members: { select: { userId: true } } } } },
    });
    if (!access || !mayRequest(actor, access.paket.agencyId, access.pokja?.members.map((m) => m.userId) ?? []))
      throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
    const tender = await tx.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: {
        ...TENDER_REF_SELECT,
        status: true,
        paketId: true,
        previousTender: { select: { status: true } },
        _count: { select: { retenders: true } },
        penunjukanLangsung: { select: { decision: true } },
        failureKind: true,
        prequalificationRound: true,
      },
    });
    // a seleksi failed in prakualifikasi with one firm passing (seleksi module): that firm
    const passing =
      tender.failureKind === "PREQUALIFICATION_FAILED"
        ? await tx.prequalificationApplication.findMany({
            where: { tenderId, round: tender.prequalificationRound, passed: true },
            select: { vendorId: true },
          })
        : [];
    const check = checkPenunjukanLangsung(
      {
        status: tender.status,
        previousStatus: tender.previousTender?.status ?? null,
        hasRetender: tender._count.retenders > 0,
        requests: tender.penunjukanLangsung,
        onlyPassingFirm: passing.length === 1 ? passing[0]!.vendorId : null,
      },
      vendorId ?? null,
    );
    if (!check.ok) throw new AppError("INVALID_STATE", check.key);
    if (vendorId) {
      const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { status: true } });
      if (vendor?.status !== "VERIFIED")
        throw new AppError("VALIDATION", "plVendorNotVerified", {}, { vendorId: ["plVendorNotVerified"] });
    }
    const now = await dbNow(tx);
    const request = await tx.penunjukanLangsung.create({
      data: {
        failedTenderId: tenderId,
        paketId: tender.paketId,
        vendorId: vendorId ?? null,
        justification,
        requestedById: actor.userId,
        requestedAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "penunjukanLangsung.requested",
      entityType: "PenunjukanLangsung",
      entityId: request.id,
      data: { tenderId, vendorId: vendorId ?? null, justification },
    });
    await notify(tx, {
      ...penunjukanLangsungRequestedMessage(tenderRef(tender)),
      userIds: await kpaUserIds(tx, access.paket.agencyId),
    });
    return request;
  });
}
