import { formatRupiah } from "@/lib/money";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import type { CheckedFile, FileStatus, PriceStatus } from "./opening-rules";

/**
 * What the opening found, in a JSON-safe shape (times ISO, rupiah as digit strings): it
 * is the data of the `tender.opened` audit event, and the Berita Acara is drawn from
 * exactly this, so the audit trail and the PDF cannot tell different stories.
 */
export interface OpenedBid {
  bidId: string;
  vendorName: string;
  npwp: string;
  submittedAt: string;
  /** the stored receipt carries the instance's valid signature for this bid */
  receiptValid: boolean;
  /** the price read out, digits; null when not opened or not matching its commitment */
  price: string | null;
  priceStatus: PriceStatus;
  files: CheckedFile[];
}

export interface OpeningRecord {
  lpseName: string;
  tenderCode: string;
  paketName: string;
  agencyName: string;
  procedureName: string;
  hps: string | null;
  timeZone: string;
  deadline: string;
  openedAt: string;
  threshold: number;
  shareholders: number;
  approvers: { userId: string; name: string; approvedAt: string }[];
  bids: OpenedBid[];
  failure: { kind: "NO_BIDS" | "TOO_FEW_BIDS"; endReason: string } | null;
}

/** The words the Berita Acara prints for each result (the UI has its own in opening.json). */
export const FILE_STATUS_TEXT: Record<FileStatus, string> = {
  OK: "sesuai tanda terima",
  HASH_MISMATCH: "TIDAK SESUAI TANDA TERIMA",
  UNOPENABLE: "TIDAK DAPAT DIBUKA",
  MISSING: "TIDAK DITEMUKAN",
  NOT_OPENED: "tidak dibuka (tender gagal)",
  PRICE_ENVELOPE: "sampul harga, dibuka pada pembukaan harga",
};

export const PRICE_STATUS_TEXT: Record<Exclude<PriceStatus, "OK">, string> = {
  COMMITMENT_MISMATCH: "TIDAK SESUAI KOMITMEN PADA TANDA TERIMA",
  UNOPENABLE: "TIDAK DAPAT DIBUKA",
  MALFORMED: "ISI SAMPUL BUKAN HARGA YANG SAH",
  ABOVE_CEILING: `MELEBIHI BATAS ${formatRupiah(RUPIAH_CEILING)}`,
  NOT_OPENED: "tidak dibuka (tender gagal)",
  PRICE_ENVELOPE: "sampul harga, dibuka pada pembukaan harga",
};

/**
 * What the price opening (pembukaan harga, two envelopes) found: the data of the
 * `tender.priceOpened` audit event and of its Berita Acara. `bids` are the envelopes opened
 * (those that passed the technical evaluation; for KUALITAS the first-ranked's), `sealed`
 * the bids whose price stays sealed.
 */
export interface PriceOpeningRecord {
  lpseName: string;
  tenderCode: string;
  paketName: string;
  agencyName: string;
  procedureName: string;
  hps: string | null;
  timeZone: string;
  openedAt: string;
  evaluationMethod: string;
  passingGrade: number;
  threshold: number;
  shareholders: number;
  approvers: { userId: string; name: string; approvedAt: string }[];
  bids: OpenedBid[];
  sealed: { bidId: string; vendorName: string }[];
}
