import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PejabatPengadaanInput } from "../organisation.schemas";

/**
 * Ends an appointment. Refused while the person still holds pakets that are handed over
 * or in selection: those would be left with nobody allowed to finish them, so the PPK
 * must hand them to someone else first.
 */
export async function revokePejabatPengadaan(actor: Actor, input: PejabatPengadaanInput): Promise<void> {
  if (!can(actor, "pejabatPengadaan.appoint", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const membership = await tx.roleMembership.findFirst({
      where: { userId: input.userId, role: "PEJABAT_PENGADAAN", agencyId: input.agencyId },
      select: { id: true },
    });
    if (!membership) throw new AppError("NOT_FOUND");
    const openPakets = await tx.paket.count({
      where: {
        agencyId: input.agencyId,
        pejabatPengadaanId: input.userId,
        status: { in: ["HANDED_OVER", "IN_SELECTION"] },
      },
    });
    if (openPakets > 0) throw new AppError("INVALID_STATE", "pejabatPengadaanHasOpenPakets", { count: openPakets });
    const removed = await tx.roleMembership.deleteMany({ where: { id: membership.id } });
    if (removed.count === 0) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, {
      actor,
      action: "pejabatPengadaan.revoked",
      entityType: "User",
      entityId: input.userId,
      data: { agencyId: input.agencyId },
    });
  });
}
