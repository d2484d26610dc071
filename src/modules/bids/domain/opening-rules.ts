import type { TenderStatus } from "@/modules/tenders/domain";
import type { BidDefectCode } from "./bid-defects";
import type { BidPart } from "./bid-part";
import { bidsSettledAt } from "./bid-rules";

/**
 * When bids may be opened and what the opening finds. Pure: the time (the database
 * clock) and the procedure's minimum come in as arguments.
 */

// The worker moves a tender to EVALUATION once its bids are settled; until it has run the
// tender is still PUBLISHED, and the deadline (not the status) is what decides.
const OPENABLE: readonly TenderStatus[] = ["PUBLISHED", "EVALUATION"];

export type OpeningRefusal =
  | { key: "openingAlreadyDone" }
  | { key: "openingTenderNotOpenable" }
  | { key: "openingKeyNotReady" }
  | { key: "openingBeforeDeadlineAt"; deadline: Date | null }
  | { key: "openingBidsSettling"; deadline: Date; until: Date }
  | { key: "openingAwaitsExtension" };

export interface OpeningState {
  status: TenderStatus;
  openedAt: Date | null;
  hasOpeningKey: boolean;
  /** the end of UPLOAD_PENAWARAN */
  deadline: Date | null;
  submittedBids: number;
  /** how many more times the deadline may be extended for want of bids */
  extensionsLeft: number;
}

/**
 * Why the tender cannot be opened at `now`, or null. The deadline instant itself counts
 * as passed: a bid at that instant is already late (see isWithin). Bids that arrived before
 * it may still be being recorded until bidsSettledAt (decision 0020), so the opening waits
 * for that too: every bid it opens is then in the database.
 */
export function openingRefusal(state: OpeningState, now: Date): OpeningRefusal | null {
  if (state.openedAt) return { key: "openingAlreadyDone" };
  if (!OPENABLE.includes(state.status)) return { key: "openingTenderNotOpenable" };
  if (!state.hasOpeningKey) return { key: "openingKeyNotReady" };
  if (!state.deadline || now.getTime() < state.deadline.getTime())
    return { key: "openingBeforeDeadlineAt", deadline: state.deadline };
  const settled = bidsSettledAt(state.deadline);
  if (now.getTime() < settled.getTime())
    return { key: "openingBidsSettling", deadline: state.deadline, until: settled };
  // No bid yet and an extension still due: the schedule worker moves the deadline, and
  // bids sent after that must not meet approvals (shares at rest) given before it.
  if (state.submittedBids === 0 && state.extensionsLeft > 0 && state.status === "PUBLISHED")
    return { key: "openingAwaitsExtension" };
  return null;
}

export type OpeningOutcome = { failed: false } | { failed: true; kind: "NO_BIDS" | "TOO_FEW_BIDS"; endReason: string };

/**
 * Tender gagal at the opening (Perpres 16/2018 Pasal 51): no bid at all, or fewer than the
 * procedure's minimum (ProcedureConfig.minBids; tender cepat 2). The reason is shown
 * publicly, so it is written in Indonesian here and stored as text.
 */
export function decideOpeningOutcome(bidCount: number, minBids: number, procedureName: string): OpeningOutcome {
  if (bidCount === 0) {
    return {
      failed: true,
      kind: "NO_BIDS",
      endReason: "Tender gagal: tidak ada penawaran yang masuk sampai batas akhir pemasukan penawaran.",
    };
  }
  if (bidCount < minBids) {
    return {
      failed: true,
      kind: "TOO_FEW_BIDS",
      endReason: `Tender gagal: jumlah penawaran yang masuk (${bidCount}) kurang dari jumlah minimal ${minBids} penawaran untuk ${procedureName}.`,
    };
  }
  return { failed: false };
}

/**
 * NOT_OPENED: the tender failed at the opening, so its bids stay sealed. HASH_MISMATCH: the
 * file decrypted, but not to the content committed to on the receipt. PRICE_ENVELOPE: two
 * envelopes, sealed to the price key, left for the price opening (decision 0042).
 */
export type FileStatus = "OK" | "HASH_MISMATCH" | "UNOPENABLE" | "MISSING" | "NOT_OPENED" | "PRICE_ENVELOPE";
/**
 * MALFORMED: the envelope opened to something that is not "price:salt"; ABOVE_CEILING: a
 * price above the rupiah ceiling (src/lib/rupiah-schema.ts), which no column may hold.
 */
export type PriceStatus =
  "OK" | "COMMITMENT_MISMATCH" | "UNOPENABLE" | "MALFORMED" | "ABOVE_CEILING" | "NOT_OPENED" | "PRICE_ENVELOPE";

export interface CheckedFile {
  fileId: string | null;
  part: string;
  /** the commitment recorded at submission (on the receipt) */
  commitment: string;
  /**
   * Revealed from the envelope at the opening, so anyone can recompute the commitment
   * from the file: the original name, the exact size and the salt (hex; null for a v1
   * file, committed to by its plain SHA-256). Null when the file could not be opened.
   */
  fileName: string | null;
  sizeBytes: number | null;
  salt: string | null;
  status: FileStatus;
}

/** A stored file after decryption: what its envelope revealed, or null when it did not open. */
export interface DecryptedFile {
  id: string;
  part: string;
  commitment: string;
  opened: { commitment: string; fileName: string | null; sizeBytes: number | null; salt: string | null } | null;
}

/** A file line of the receipt: v2 carries the commitment, v1 the plain SHA-256 (and a name). */
export interface ReceiptFileLine {
  part: string;
  commitment: string;
}

/**
 * Each stored file against the receipt: it must decrypt to the commitment recorded and to
 * an entry on the receipt. A receipt entry left without a stored file is MISSING, so a
 * deleted row shows instead of passing silently.
 */
export function reconcileFiles(files: readonly DecryptedFile[], receipt: readonly ReceiptFileLine[]): CheckedFile[] {
  const unused = [...receipt];
  const take = (match: (r: ReceiptFileLine) => boolean) => {
    const at = unused.findIndex(match);
    return at < 0 ? null : unused.splice(at, 1)[0]!;
  };
  // First the exact matches, then a failing file claims a line of its part, so only lines
  // with no stored file at all are reported MISSING.
  const exact = files.map((f) =>
    f.opened !== null && f.opened.commitment === f.commitment
      ? take((r) => r.part === f.part && r.commitment === f.commitment)
      : null,
  );
  files.forEach((f, i) => {
    if (!exact[i]) take((r) => r.part === f.part);
  });
  const checked: CheckedFile[] = files.map((f, i) => ({
    fileId: f.id,
    part: f.part,
    commitment: f.commitment,
    fileName: f.opened?.fileName ?? null,
    sizeBytes: f.opened?.sizeBytes ?? null,
    salt: f.opened?.salt ?? null,
    status: f.opened === null ? "UNOPENABLE" : exact[i] ? "OK" : "HASH_MISMATCH",
  }));
  return [
    ...checked,
    ...unused.map((r) => ({
      fileId: null,
      part: r.part,
      commitment: r.commitment,
      fileName: null,
      sizeBytes: null,
      salt: null,
      status: "MISSING" as const,
    })),
  ];
}

const PRICE_DEFECT: Partial<Record<PriceStatus, BidDefectCode>> = {
  COMMITMENT_MISMATCH: "PRICE_COMMITMENT_MISMATCH",
  UNOPENABLE: "PRICE_UNOPENABLE",
  MALFORMED: "PRICE_MALFORMED",
  ABOVE_CEILING: "PRICE_ABOVE_CEILING",
};
const FILE_DEFECT: Partial<Record<FileStatus, BidDefectCode>> = {
  HASH_MISMATCH: "FILE_COMMITMENT_MISMATCH",
  UNOPENABLE: "FILE_UNOPENABLE",
  MISSING: "FILE_MISSING",
};

export interface BidDefect {
  code: BidDefectCode;
  bidFileId: string | null;
  part: BidPart | null;
}

/**
 * What the opening found wrong with one bid, one entry a defect (stored as BidDefect rows
 * and named in the Berita Acara). A defect rejects nothing by itself: no bid may be
 * rejected at the opening (decision 0007); the Pokja evaluates with it in view.
 */
export function defectsOf(bid: {
  receiptValid: boolean;
  priceStatus: PriceStatus;
  files: readonly CheckedFile[];
}): BidDefect[] {
  const defects: BidDefect[] = [];
  if (!bid.receiptValid) defects.push({ code: "RECEIPT_INVALID", bidFileId: null, part: null });
  const price = PRICE_DEFECT[bid.priceStatus];
  if (price) defects.push({ code: price, bidFileId: null, part: null });
  for (const file of bid.files) {
    const code = FILE_DEFECT[file.status];
    if (code) defects.push({ code, bidFileId: file.fileId, part: file.part as BidPart });
  }
  return defects;
}
