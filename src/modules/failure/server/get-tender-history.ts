import "server-only";
import { db } from "@/server/db";

/** What the public tender page shows of a paket's attempts: all of it is public record. */
export function getTenderHistory(tenderId: string) {
  return db.tender.findUnique({
    where: { id: tenderId },
    select: {
      previousTender: { select: { code: true } },
      retenders: { select: { code: true, status: true } },
      penunjukanLangsung: { orderBy: { requestedAt: "desc" }, take: 1, select: { decision: true, approvedAt: true } },
      paket: { select: { agency: { select: { timeZone: true } } } },
    },
  });
}
