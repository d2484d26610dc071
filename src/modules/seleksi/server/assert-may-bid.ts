import "server-only";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The gate of a seleksi (a procedure with prakualifikasi): only a firm on the shortlist
 * announced for the round in force may register, ask in pemberian penjelasan, upload and
 * bid (Perpres 16/2018 jo. Perpres 12/2021 Pasal 41; Perlem LKPP 12/2021 Lampiran II: the
 * invitation goes to the shortlist). A procedure without prakualifikasi passes untouched,
 * read from its flag, never from the method's name. Called by participation, questions and
 * bids where a vendor registers or bids.
 */
export async function assertMayBid(client: Db | Tx, tenderId: string, vendorId: string): Promise<void> {
  const tender = await client.tender.findUnique({
    where: { id: tenderId },
    select: {
      prequalificationRound: true,
      shortlistAnnouncedAt: true,
      procedure: { select: { hasPrakualifikasi: true } },
    },
  });
  if (!tender || !tender.procedure.hasPrakualifikasi) return;
  if (!tender.shortlistAnnouncedAt) throw new AppError("FORBIDDEN", "seleksi.shortlistNotAnnounced");
  const onList = await client.prequalificationApplication.findFirst({
    where: { tenderId, vendorId, round: tender.prequalificationRound, shortlisted: true },
    select: { id: true },
  });
  if (!onList) throw new AppError("FORBIDDEN", "seleksi.notShortlisted");
}
