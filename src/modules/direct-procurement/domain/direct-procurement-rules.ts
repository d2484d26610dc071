/**
 * Pengadaan langsung as a small state machine (Perlem LKPP 12/2021, pengadaan langsung:
 * invitation of one vendor, price quotation, clarification and negotiation, result):
 * INVITED -> QUOTED -> NEGOTIATED (repeatable) -> COMPLETED; anything open -> CANCELLED.
 * The statuses are Prisma's DirectProcurementStatus (checked in src/server/domain-enums.ts).
 */
export const DIRECT_PROCUREMENT_STATUSES = ["INVITED", "QUOTED", "NEGOTIATED", "COMPLETED", "CANCELLED"] as const;
export type DirectProcurementStatus = (typeof DIRECT_PROCUREMENT_STATUSES)[number];

export const DIRECT_PROCUREMENT_STEPS = {
  quote: ["INVITED"],
  negotiate: ["QUOTED", "NEGOTIATED"],
  complete: ["QUOTED", "NEGOTIATED"],
  cancel: ["INVITED", "QUOTED", "NEGOTIATED"],
} as const satisfies Record<string, readonly DirectProcurementStatus[]>;

export type DirectProcurementStep = keyof typeof DIRECT_PROCUREMENT_STEPS;

export function canTakeStep(step: DirectProcurementStep, status: DirectProcurementStatus): boolean {
  return (DIRECT_PROCUREMENT_STEPS[step] as readonly DirectProcurementStatus[]).includes(status);
}

/** Keys in the "errors" messages. */
export type PriceProblem = "amountPositive" | "quotationAboveHps" | "negotiatedAboveCeiling" | "contractAboveCeiling";

/**
 * Perpres 16/2018 art. 26(5)(b): the HPS is the highest valid offer, so a quotation
 * above it cannot be accepted. Exactly the HPS is still valid.
 */
export function checkQuotation(price: bigint, hps: bigint): PriceProblem | null {
  if (price <= 0n) return "amountPositive";
  return price > hps ? "quotationAboveHps" : null;
}

/**
 * The price that binds the next step: the last negotiated price, or the quotation
 * when there was no negotiation. Negotiation may only lower it.
 */
export function priceCeiling(dp: { quotedPrice: bigint | null; negotiatedPrice: bigint | null }): bigint | null {
  return dp.negotiatedPrice ?? dp.quotedPrice;
}

/** A negotiation only lowers the price (or keeps it, when the vendor does not move). */
export function checkNegotiatedPrice(price: bigint, ceiling: bigint): PriceProblem | null {
  if (price <= 0n) return "amountPositive";
  return price > ceiling ? "negotiatedAboveCeiling" : null;
}

/** The contract may not be worth more than what was offered and agreed. */
export function checkContractValue(value: bigint, ceiling: bigint): PriceProblem | null {
  if (value <= 0n) return "amountPositive";
  return value > ceiling ? "contractAboveCeiling" : null;
}
