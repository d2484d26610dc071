import "server-only";
import { db } from "@/server/db";

/** What the public tender page shows of a paket's attempts: all of it is public record. */
export function getTenderHistory(tenderId: string) {
  return db.tender.findUnique({
    where: { id: tenderId },
    select: {
      method: true,
      previousTender: { select: { code: true } },
      // a penunjukan langsung also points back (docs/decisions/0027): shown as such, not as a tender ulang
      retenders: { where: { method: { not: "PENUNJUKAN_LANGSUNG" } }, select: { code: true, status: true } },
      penunjukanLangsung: {
        orderBy: { requestedAt: "desc" },
        take: 1,
        select: { decision: true, approvedAt: true, tender: { select: { code: true, status: true } } },
      },
      paket: { select: { agency: { select: { timeZone: true } } } },
    },
  });
}
