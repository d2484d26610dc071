import type { BidPart } from "./bid-part";

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

/**
 * How long after the bid deadline the submits that arrived before it may still be
 * recorded (decision 0020), and so how long everything that counts or opens the bids
 * waits: the schedule worker's rule at the deadline, the tender's move to evaluation and
 * the opening. Configuration, not law: the law sets only the deadline (Perlem LKPP
 * 12/2021, Lampiran II: bids are sent through the system before *batas akhir pemasukan
 * dokumen penawaran*). Two minutes covers a submit's own limits inside Segel, 60 s to get a
 * database connection and then its lock inside a 60 s transaction, after the worst wait
 * measured in the 600-vendor spike (24 s); a submit that still is not recorded by then is
 * refused (submit-bid.ts), so every accepted bid is in the database before this instant.
 */
export const SUBMIT_GRACE_MS = 2 * 60_000;

/** From this instant the bids of a tender whose bid deadline is `deadline` are all recorded. */
export function bidsSettledAt(deadline: Date): Date {
  return new Date(deadline.getTime() + SUBMIT_GRACE_MS);
}

export function missingParts(parts: readonly BidPart[]): BidPart[] {
  return REQUIRED_BID_PARTS.filter((p) => !parts.includes(p));
}

export const toMb = (bytes: number) => Math.floor(bytes / 1_048_576);
