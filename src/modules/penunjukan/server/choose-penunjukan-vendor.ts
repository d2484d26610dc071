import "server-only";
import { parseInput } from "@/modules/failure";
import { recordAuditEvent } from "@/modules/audit";
import { assertNotBlacklisted } from "@/modules/blacklist";
import type { Actor } from "@/modules/auth/domain";
import { lockPokjaTender } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { choosePenunjukanVendorSchema, type ChoosePenunjukanVendorInput } from "../penunjukan.schemas";
import { loadPenunjukanRun } from "./load-penunjukan-run";

/**
 * The Pokja names the vendor to invite when the approved request named none. Only a
 * VERIFIED vendor, only before the invitation goes out (the tender is a DRAFT), and a
 * vendor the PA/KPA approved with the request stays.
 */
export async function choosePenunjukanVendor(actor: Actor, input: ChoosePenunjukanVendorInput) {
  const { tenderId, vendorId } = parseInput(choosePenunjukanVendorSchema, input);
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, tenderId, "tender.setup", { id: true, code: true, status: true });
    const run = await loadPenunjukanRun(tx, tender.id);
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "plAlreadyInvited");
    if (run.vendorId !== null) throw new AppError("INVALID_STATE", "plVendorFixed", { vendor: run.vendor?.name ?? "" });
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { name: true, status: true } });
    if (vendor?.status !== "VERIFIED")
      throw new AppError("VALIDATION", "plVendorNotVerified", {}, { vendorId: ["plVendorNotVerified"] });
    await assertNotBlacklisted(tx, vendorId, "choose", actor.locale);
    await tx.penunjukanLangsung.update({ where: { id: run.id }, data: { vendorId } });
    await recordAuditEvent(tx, {
      actor,
      action: "penunjukanLangsung.vendorChosen",
      entityType: "Tender",
      entityId: tender.id,
      data: { code: tender.code, requestId: run.id, vendorId, vendorName: vendor.name },
    });
    return { vendorId };
  });
}
