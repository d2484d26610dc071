import { BID_PARTS, type BidPart } from "@/modules/bids/domain";

/**
 * The parts a bid on this tender must contain: the tender's choice in its set-up, or the
 * procedure's list when the tender chose none (tenders set up before issue 15), plus the
 * bid security document (jaminan penawaran) when the tender asks for a bid security
 * (Perpres 16/2018 Pasal 30 jo. Perpres 12/2021; bid-security.ts decides when). In the
 * order a vendor uploads them (BID_PARTS).
 */
export function requiredBidParts(
  procedureParts: readonly BidPart[],
  tenderParts: readonly BidPart[],
  bidSecurityAmount: bigint | null,
): BidPart[] {
  const chosen = new Set<BidPart>(tenderParts.length ? tenderParts : procedureParts);
  if (bidSecurityAmount !== null && bidSecurityAmount > 0n) chosen.add("JAMINAN_PENAWARAN");
  return BID_PARTS.filter((p) => chosen.has(p));
}

/**
 * The parts a Pokja may choose for a tender: the procedure's, less the bid security
 * document (which follows from the bid security rule, not from a choice).
 */
export function choosableBidParts(procedureParts: readonly BidPart[]): BidPart[] {
  return BID_PARTS.filter((p) => p !== "JAMINAN_PENAWARAN" && procedureParts.includes(p));
}

export type BidPartsProblem = "bidPartsOutsideProcedure" | "bidPartsNeedPrice";

/**
 * Why a tender's chosen parts are refused, or null. Empty is allowed: the procedure's list
 * applies. A choice that leaves out HARGA is refused: every evaluation method reads a price
 * (Perlem LKPP 12/2021 Lampiran II evaluates the price in each; configuration that the
 * price is its own part, as SPSE's penawaran harga is).
 */
export function checkBidParts(
  procedureParts: readonly BidPart[],
  tenderParts: readonly BidPart[],
): BidPartsProblem | null {
  if (tenderParts.length === 0) return null;
  const allowed = choosableBidParts(procedureParts);
  if (tenderParts.some((p) => !allowed.includes(p))) return "bidPartsOutsideProcedure";
  return tenderParts.includes("HARGA") ? null : "bidPartsNeedPrice";
}
