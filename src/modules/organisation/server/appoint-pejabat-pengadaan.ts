import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PejabatPengadaanInput } from "../organisation.schemas";

/**
 * Appoints a Pejabat Pengadaan (Perpres 16/2018 art. 12: runs pengadaan langsung,
 * penunjukan langsung and e-purchasing up to its limit). Only someone who already works
 * in the agency (holds one of its roles) can be appointed: the admin cannot reach staff
 * of another agency, nor vendors.
 */
export async function appointPejabatPengadaan(actor: Actor, input: PejabatPengadaanInput): Promise<void> {
  if (!can(actor, "pejabatPengadaan.appoint", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        id: true,
        isDisabled: true,
        memberships: { where: { agencyId: input.agencyId }, select: { role: true } },
      },
    });
    if (!user || user.memberships.length === 0) throw new AppError("NOT_FOUND");
    if (user.isDisabled) throw new AppError("INVALID_STATE", "userDisabled");
    if (user.memberships.some((m) => m.role === "PEJABAT_PENGADAAN"))
      throw new AppError("CONFLICT", "alreadyPejabatPengadaan");
    try {
      await tx.roleMembership.create({
        data: { userId: user.id, role: "PEJABAT_PENGADAAN", agencyId: input.agencyId },
      });
    } catch (error) {
      // Another admin appointed the same person a moment ago.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("CONFLICT", "alreadyPejabatPengadaan");
      throw error;
    }
    await recordAuditEvent(tx, {
      actor,
      action: "pejabatPengadaan.appointed",
      entityType: "User",
      entityId: user.id,
      data: { agencyId: input.agencyId },
    });
  });
}
