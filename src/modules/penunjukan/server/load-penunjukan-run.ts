import "server-only";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The approved request a penunjukan langsung tender runs; refuses a tender of another
 * method (plNotPenunjukan), which has none.
 */
export async function loadPenunjukanRun(tx: Tx, tenderId: string) {
  const run = await tx.penunjukanLangsung.findUnique({
    where: { tenderId },
    select: { id: true, vendorId: true, agreedPrice: true, negotiatedAt: true, vendor: { select: { name: true } } },
  });
  if (!run) throw new AppError("INVALID_STATE", "plNotPenunjukan");
  return run;
}

/**
 * Penetapan of a penunjukan langsung follows the klarifikasi dan negosiasi (Perlem LKPP
 * 12/2021 Lampiran II): the winner step calls this, a no-op for other methods.
 */
export async function assertPenunjukanNegotiated(tx: Tx, tenderId: string): Promise<void> {
  const run = await tx.penunjukanLangsung.findUnique({ where: { tenderId }, select: { negotiatedAt: true } });
  if (run && run.negotiatedAt === null) throw new AppError("INVALID_STATE", "plNegotiationMissing");
}

/** The SPPBJ's price: for a penunjukan langsung the negotiated price, else null. */
export async function findAgreedPrice(tx: Tx, tenderId: string): Promise<bigint | null> {
  const run = await tx.penunjukanLangsung.findUnique({ where: { tenderId }, select: { agreedPrice: true } });
  return run?.agreedPrice ?? null;
}
