import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { recordDirectProcurementRelease } from "@/modules/open-data";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { InviteVendorInput } from "../direct-procurement.schemas";
import { loadOwnDirectPaket } from "./load-own-direct-paket";

/**
 * The Pejabat Pengadaan invites one vendor to a pengadaan langsung. Only a verified
 * vendor: its registration (legal form, NPWP, NIB) has been checked by the LPSE, which
 * is what lets the Pejabat Pengadaan skip a full qualification (Perlem LKPP 12/2021).
 */
export async function inviteVendor(actor: Actor, input: InviteVendorInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const paket = await loadOwnDirectPaket(tx, actor, input.paketId);
    if (paket.status !== "HANDED_OVER" || paket.directProcurement)
      throw new AppError("INVALID_STATE", "vendorAlreadyInvited");
    if (paket.hps === null) throw new AppError("INVALID_STATE", "paketHasNoHps");
    const vendor = await tx.vendor.findUnique({
      where: { id: input.vendorId },
      select: { id: true, name: true, status: true },
    });
    if (!vendor || vendor.status !== "VERIFIED") throw new AppError("VALIDATION", "vendorNotVerified");
    // daftar hitam (Perpres 16/2018 Pasal 78): a sanctioned vendor is not invited
    await assertNotBlacklisted(tx, vendor.id, "choose", actor.locale);
    const invitedAt = await dbNow(tx);
    const dp = await tx.directProcurement.create({
      data: { paketId: paket.id, vendorId: vendor.id, status: "INVITED", invitedAt },
      select: { id: true },
    });
    await tx.paket.update({ where: { id: paket.id }, data: { status: "IN_SELECTION" } });
    await recordAuditEvent(tx, {
      actor,
      action: "directProcurement.invited",
      entityType: "DirectProcurement",
      entityId: dp.id,
      data: { paketId: paket.id, vendorId: vendor.id, vendorName: vendor.name },
    });
    await recordDirectProcurementRelease(tx, dp.id, "invited", invitedAt);
    return dp;
  });
}
