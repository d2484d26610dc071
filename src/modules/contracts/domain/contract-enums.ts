/**
 * The contract's statuses, payment modes and bond bases: the domain's own unions, held to
 * Prisma's ContractStatus, PaymentMode and BondBasis in src/server/domain-enums.ts.
 */
export const CONTRACT_STATUSES = ["DRAFT", "VENDOR_REVIEW", "SIGNED", "ACTIVE", "COMPLETED", "TERMINATED"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const PAYMENT_MODES = ["TERMIN", "BULANAN"] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export const BOND_BASES = ["CONTRACT_VALUE", "HPS", "NONE"] as const;
export type BondBasis = (typeof BOND_BASES)[number];
