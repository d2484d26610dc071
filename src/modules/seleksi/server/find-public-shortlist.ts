import "server-only";
import { db } from "@/server/db";

/** The public shortlist of the round in force once announced; null for a tender without prakualifikasi. */
export async function findPublicShortlist(tenderId: string) {
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      prequalificationRound: true,
      shortlistAnnouncedAt: true,
      procedure: { select: { hasPrakualifikasi: true } },
    },
  });
  if (!tender?.procedure.hasPrakualifikasi) return null;
  if (!tender.shortlistAnnouncedAt) return { round: tender.prequalificationRound, announcedAt: null, firms: [] };
  const listed = await db.prequalificationApplication.findMany({
    where: { tenderId, round: tender.prequalificationRound, shortlisted: true },
    orderBy: [{ score: "desc" }, { submittedAt: "asc" }],
    select: { vendor: { select: { name: true } } },
  });
  return {
    round: tender.prequalificationRound,
    announcedAt: tender.shortlistAnnouncedAt,
    firms: listed.map((l) => l.vendor.name),
  };
}
