import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { awardedPrice } from "@/modules/award";
import { toZonedLocal } from "@/lib/zoned-time";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * What the drafting form shows before anything is typed: the award (value, HPS, vendor), the
 * PPK's own name and NIP and the vendor's first director as suggested signatories, the SPPBJ's
 * day as the earliest start. Only the PPK of the paket's agency; anyone else: NOT_FOUND.
 */
export async function getDraftDefaults(actor: Actor, tenderId: string) {
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      sppbjIssuedAt: true,
      contract: { select: { id: true } },
      paket: {
        select: { name: true, agencyId: true, category: true, hps: true, agency: { select: { timeZone: true } } },
      },
      winnerBid: {
        select: {
          correctedPrice: true,
          openedPrice: true,
          vendor: {
            select: {
              name: true,
              people: { where: { kind: "DIREKSI" }, take: 1, select: { name: true, position: true } },
            },
          },
        },
      },
    },
  });
  if (!tender || !can(actor, "contract.manage", { agencyId: tender.paket.agencyId })) throw new AppError("NOT_FOUND");
  const ppk = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, nip: true } });
  const price = await db.$transaction((tx) => awardedPrice(tx, tenderId));
  const timeZone = tender.paket.agency.timeZone;
  const director = tender.winnerBid?.vendor.people[0];
  return {
    tender: { id: tender.id, code: tender.code, name: tender.paket.name, category: tender.paket.category },
    ready: tender.status === "COMPLETED" && tender.sppbjIssuedAt !== null && tender.winnerBid !== null,
    contractId: tender.contract?.id ?? null,
    value: price,
    hps: tender.paket.hps,
    vendorName: tender.winnerBid?.vendor.name ?? null,
    earliestStart: tender.sppbjIssuedAt ? toZonedLocal(tender.sppbjIssuedAt, timeZone).slice(0, 10) : null,
    suggested: {
      ppkSignatoryName: ppk.name,
      ppkSignatoryNip: ppk.nip ?? "",
      vendorSignatoryName: director?.name ?? "",
      vendorSignatoryPosition: director?.position ?? "",
    },
  };
}
