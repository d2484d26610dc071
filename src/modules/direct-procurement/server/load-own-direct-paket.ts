import "server-only";
import type { DirectProcurementStatus } from "@/generated/prisma/enums";
import { can, type Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { canTakeStep, type DirectProcurementStep } from "../domain/direct-procurement-rules";

/**
 * A pengadaan langsung paket as its own Pejabat Pengadaan sees it, locked for the rest
 * of the transaction so two clicks cannot both move it on. Anyone else: NOT_FOUND, so
 * the paket's existence is not revealed; someone who is no Pejabat Pengadaan: FORBIDDEN.
 */
export async function loadOwnDirectPaket(tx: Tx, actor: Actor, paketId: string) {
  if (!can(actor, "pengadaanLangsung.run")) throw new AppError("FORBIDDEN");
  await tx.$executeRaw`SELECT 1 FROM "Paket" WHERE id = ${paketId}::uuid FOR UPDATE`;
  const paket = await tx.paket.findUnique({
    where: { id: paketId },
    select: {
      id: true,
      agencyId: true,
      method: true,
      status: true,
      hps: true,
      pejabatPengadaanId: true,
      directProcurement: {
        select: { id: true, status: true, vendorId: true, quotedPrice: true, negotiatedPrice: true },
      },
    },
  });
  if (
    !paket ||
    paket.pejabatPengadaanId !== actor.userId ||
    !can(actor, "pengadaanLangsung.run", { agencyId: paket.agencyId })
  ) {
    throw new AppError("NOT_FOUND");
  }
  if (paket.method !== "PENGADAAN_LANGSUNG") throw new AppError("INVALID_STATE", "paketNotPengadaanLangsung");
  return paket;
}

/** The paket's direct procurement, or INVALID_STATE when no vendor was invited yet. */
export function requireDirectProcurement<T extends { directProcurement: unknown }>(
  paket: T,
): NonNullable<T["directProcurement"]> {
  if (!paket.directProcurement) throw new AppError("INVALID_STATE", "noVendorInvited");
  return paket.directProcurement as NonNullable<T["directProcurement"]>;
}

/** INVALID_STATE, with a message that says why, when `step` does not fit `status`. */
export function assertStep(step: DirectProcurementStep, status: DirectProcurementStatus): void {
  if (canTakeStep(step, status)) return;
  if (status === "COMPLETED" || status === "CANCELLED") throw new AppError("INVALID_STATE", "directProcurementClosed");
  if (status === "INVITED") throw new AppError("INVALID_STATE", "noQuotationYet");
  throw new AppError("INVALID_STATE", "quotationAlreadySubmitted");
}
