import type { BidPart } from "@/generated/prisma/enums";

export const BID_PARTS: readonly BidPart[] = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"];

/**
 * Parts a bid must contain. Every method has a price part; which of the others a tender
 * demands is set in its selection documents, which the Pokja checks at evaluation.
 * When the procedure configuration lists required parts, read them here instead.
 */
export const REQUIRED_BID_PARTS: readonly BidPart[] = ["HARGA"];

/** Capacity limits of this instance (not law): one file, and all files of one bid. */
export const MAX_BID_FILE_BYTES = 20 * 1_048_576;
export const MAX_BID_TOTAL_BYTES = 100 * 1_048_576;

/**
 * Staged files never submitted are removed this long after the tender's bid deadline
 * (configuration, not law): well past any submit that arrived before the deadline and was
 * still being served (decision 0020). Files of submitted, replaced or withdrawn bids stay.
 */
export const STAGED_FILE_GRACE_MS = 24 * 60 * 60 * 1000;

export function missingParts(parts: readonly BidPart[]): BidPart[] {
  return REQUIRED_BID_PARTS.filter((p) => !parts.includes(p));
}

export const toMb = (bytes: number) => Math.floor(bytes / 1_048_576);
