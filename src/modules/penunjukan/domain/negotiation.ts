/** Minutes of the klarifikasi dan negosiasi: long enough to say what was agreed. */
export const MINUTES_MIN = 20;
export const MINUTES_MAX = 10_000;

export type NegotiationRefusal = "plOfferNotPassed" | "plAgreedAboveOffer" | "plAgreedAboveHps";

/**
 * Klarifikasi dan negosiasi teknis dan harga of a penunjukan langsung (Perpres 16/2018
 * Pasal 38 ayat (5); Perlem LKPP 12/2021 Lampiran II): the Pokja negotiates only an offer
 * that passed every evaluation stage, and the agreed price may not exceed the offer
 * (after arithmetic correction) nor the HPS. At exactly either it is accepted.
 */
export function negotiationRefusal(input: {
  offerPassed: boolean;
  offeredPrice: bigint;
  hps: bigint;
  agreedPrice: bigint;
}): NegotiationRefusal | null {
  if (!input.offerPassed) return "plOfferNotPassed";
  if (input.agreedPrice > input.offeredPrice) return "plAgreedAboveOffer";
  if (input.agreedPrice > input.hps) return "plAgreedAboveHps";
  return null;
}
