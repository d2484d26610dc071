import "server-only";
import { db } from "@/server/db";

/** What the pages show of a withdrawn award: when it was announced and withdrawn, why, the winner that fell, and the re-evaluations it led to. */
export const WITHDRAWAL_SELECT = {
  id: true,
  announcedAt: true,
  withdrawnAt: true,
  sanggah: { select: { kind: true, filedAt: true } },
  winnerBid: { select: { vendor: { select: { name: true } } } },
  reopenings: { orderBy: { reopenedAt: "asc" }, select: { fromStage: true, reason: true, reopenedAt: true } },
} as const;

/**
 * The awards of a tender withdrawn after an accepted sanggah or banding, oldest first. Public:
 * the announcement they withdraw was public, and so is why it fell (the public trace of the
 * remedy, Perpres 16/2018 jo. 12/2021 Pasal 50).
 */
export function findAwardWithdrawals(tender: { id: string } | { code: string }) {
  return db.awardWithdrawal.findMany({
    where: { tender: tender },
    orderBy: { withdrawnAt: "asc" },
    select: WITHDRAWAL_SELECT,
  });
}

export type AwardWithdrawalView = Awaited<ReturnType<typeof findAwardWithdrawals>>[number];

/**
 * The public result page of a tender whose award was withdrawn and not yet announced again
 * (back in EVALUATION): what fell and why, without the evaluation being redone. Null for
 * any other tender (its page shows the announced result, or does not exist yet).
 */
export async function findWithdrawnResult(code: string) {
  const tender = await db.tender.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      status: true,
      announcedAt: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
    },
  });
  if (!tender || tender.status !== "EVALUATION" || tender.announcedAt !== null) return null;
  const withdrawals = await findAwardWithdrawals({ id: tender.id });
  if (withdrawals.length === 0) return null;
  return {
    tender: { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone },
    withdrawals,
  };
}
