import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";

/**
 * What the Pokja's page shows of a penunjukan langsung: the invited vendor, the vendors it
 * may still choose from (a DRAFT whose request named none), and the negotiation. Null for a
 * tender of another method.
 */
export async function getPenunjukanView(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.setup");
  const run = await db.penunjukanLangsung.findUnique({
    where: { tenderId },
    select: {
      vendor: { select: { id: true, name: true } },
      agreedPrice: true,
      negotiationMinutes: true,
      negotiatedAt: true,
      tender: {
        select: {
          status: true,
          openedAt: true,
          awardedAt: true,
          paket: { select: { agency: { select: { timeZone: true } } } },
        },
      },
    },
  });
  if (!run?.tender) return null;
  const { tender } = run;
  const mayChoose = tender.status === "DRAFT" && run.vendor === null;
  const vendors = mayChoose
    ? await db.vendor.findMany({
        where: { status: "VERIFIED" },
        orderBy: { name: "asc" },
        take: 500,
        select: { id: true, name: true },
      })
    : [];
  return {
    vendor: run.vendor,
    vendors,
    mayChoose,
    mayNegotiate:
      tender.status === "EVALUATION" &&
      tender.openedAt !== null &&
      tender.awardedAt === null &&
      run.negotiatedAt === null,
    negotiation: run.negotiatedAt
      ? { agreedPrice: run.agreedPrice!, minutes: run.negotiationMinutes!, at: run.negotiatedAt }
      : null,
    timeZone: tender.paket.agency.timeZone,
  };
}
