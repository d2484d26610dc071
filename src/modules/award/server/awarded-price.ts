import "server-only";
import { findAgreedPrice } from "@/modules/penunjukan";
import type { Tx } from "@/server/db";

/**
 * The price a tender was awarded at, the one figure the SPPBJ and the contract draft read:
 * a penunjukan langsung's or a seleksi's negotiated price where one was agreed with the
 * winner (Perlem LKPP 12/2021 Lampiran II, klarifikasi dan negosiasi), otherwise the
 * winner's corrected price (or, uncorrected, its opened price). Null: no winner yet.
 */
export async function awardedPrice(tx: Tx, tenderId: string): Promise<bigint | null> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      winnerBid: {
        select: {
          id: true,
          correctedPrice: true,
          openedPrice: true,
          negotiations: { where: { outcome: "AGREED" }, select: { agreedPrice: true } },
        },
      },
    },
  });
  const winner = tender.winnerBid;
  if (!winner) return null;
  const penunjukan = await findAgreedPrice(tx, tenderId);
  return penunjukan ?? winner.negotiations[0]?.agreedPrice ?? winner.correctedPrice ?? winner.openedPrice;
}
