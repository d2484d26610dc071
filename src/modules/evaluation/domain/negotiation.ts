import { isAboveHps } from "./price-rules";
import { isAbovePagu } from "./consultancy";

/**
 * Klarifikasi dan negosiasi (Perlem LKPP 12/2021 Lampiran II, seleksi): the Pokja negotiates
 * with the bidder ranked first; an agreement may lower the price, never raise it above the
 * (corrected) offer, and never above HPS (Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5)),
 * nor, under pagu anggaran, above the pagu. Null: the price may be agreed; otherwise why not.
 */
export type AgreedPriceProblem = "agreedAboveOffer" | "agreedAboveHps" | "agreedAbovePagu" | "agreedNotPositive";

export function agreedPriceProblem(
  agreed: bigint,
  limits: { offered: bigint; hps: bigint; pagu: bigint | null },
): AgreedPriceProblem | null {
  if (agreed <= 0n) return "agreedNotPositive";
  if (agreed > limits.offered) return "agreedAboveOffer";
  if (isAboveHps(agreed, limits.hps)) return "agreedAboveHps";
  if (limits.pagu !== null && isAbovePagu(agreed, limits.pagu)) return "agreedAbovePagu";
  return null;
}

export interface NegotiationRecord {
  bidId: string;
  outcome: "AGREED" | "FAILED";
}

/**
 * Whose turn it is: the first bid of the order (best first) without a failed negotiation.
 * AGREED ends the negotiation (null: nobody is negotiated with any more); so does running
 * out of bids.
 */
export function negotiationTurn(
  orderedBidIds: readonly string[],
  records: readonly NegotiationRecord[],
): { kind: "TURN"; bidId: string } | { kind: "AGREED"; bidId: string } | { kind: "EXHAUSTED" } {
  const agreed = records.find((r) => r.outcome === "AGREED");
  if (agreed) return { kind: "AGREED", bidId: agreed.bidId };
  const failed = new Set(records.filter((r) => r.outcome === "FAILED").map((r) => r.bidId));
  const next = orderedBidIds.find((id) => !failed.has(id));
  return next ? { kind: "TURN", bidId: next } : { kind: "EXHAUSTED" };
}

/** The minutes (berita acara) must say what was agreed, or why not: configuration, not law. */
export const MINUTES_MIN_LENGTH = 20;
export const MINUTES_MAX_LENGTH = 4000;
