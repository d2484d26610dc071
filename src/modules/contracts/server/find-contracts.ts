import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";

const LIMIT = 200;

const CONTRACT_ROW = {
  id: true,
  number: true,
  status: true,
  value: true,
  endsOn: true,
  vendor: { select: { name: true } },
  tender: { select: { code: true, paket: { select: { name: true, agency: { select: { timeZone: true } } } } } },
} as const;

/**
 * The PPK's e-Kontrak list: the contracts of the agencies where the actor is PPK, and the
 * tenders there with an SPPBJ and no contract yet (the drafting's entry point). Bounded.
 */
export async function findPpkContracts(actor: Actor) {
  const agencyIds = agenciesFor(actor, "contract.manage");
  const inAgencies = { paket: { agencyId: { in: agencyIds } } };
  const contracts = await db.contract.findMany({
    where: { tender: inAgencies },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: CONTRACT_ROW,
  });
  const awaiting = await db.tender.findMany({
    where: { ...inAgencies, status: "COMPLETED", sppbjIssuedAt: { not: null }, contract: null },
    orderBy: [{ sppbjIssuedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      code: true,
      sppbjIssuedAt: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
      winnerBid: { select: { vendor: { select: { name: true } } } },
    },
  });
  return { contracts, awaiting };
}

/** The contracts of the actor's company, once sent to it (a draft the PPK still writes is not shown). */
export async function findVendorContracts(actor: Actor) {
  if (!actor.vendorId) return [];
  return db.contract.findMany({
    where: { vendorId: actor.vendorId, sentAt: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: CONTRACT_ROW,
  });
}
