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

/** What every opening's record says of the tender (the Berita Acara's header). */
export interface TenderRecordHeader {
  lpseName: string;
  tenderCode: string;
  paketName: string;
  agencyName: string;
  procedureName: string;
  hps: string | null;
  timeZone: string;
}

export function tenderRecordHeader(tender: {
  code: string;
  paket: { name: string; hps: bigint | null; agency: { name: string; timeZone: string; lpse: { name: string } } };
  procedure: { name: string };
}): TenderRecordHeader {
  return {
    lpseName: tender.paket.agency.lpse.name,
    tenderCode: tender.code,
    paketName: tender.paket.name,
    agencyName: tender.paket.agency.name,
    procedureName: tender.procedure.name,
    hps: tender.paket.hps?.toString() ?? null,
    timeZone: tender.paket.agency.timeZone,
  };
}

export interface Approver {
  userId: string;
  name: string;
  approvedAt: string;
}

export interface OpeningRecord extends TenderRecordHeader {
  deadline: string;
  openedAt: string;
  threshold: number;
  shareholders: number;
  approvers: Approver[];
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

/** The price envelopes' records share the tender, the grade in force and who opened them. */
export interface PriceRecordHeader extends TenderRecordHeader {
  openedAt: string;
  evaluationMethod: string;
  passingGrade: number;
  /** bids whose price envelope stays sealed */
  sealed: { bidId: string; vendorName: string }[];
}

/**
 * What the price opening (pembukaan harga, two envelopes) found: the data of the
 * `tender.priceOpened` audit event and of its Berita Acara. `bids` are the envelopes opened
 * (those that passed the technical evaluation; for KUALITAS the first-ranked's), `sealed`
 * the bids whose price stays sealed.
 */
export interface PriceOpeningRecord extends PriceRecordHeader {
  threshold: number;
  shareholders: number;
  approvers: Approver[];
  bids: OpenedBid[];
}

/**
 * One more price envelope opened under KUALITAS after failed negotiations (openNextPrice):
 * the data of its `bid.priceOpened` audit event and of its Berita Acara. `bid` is the
 * envelope opened, `failedNegotiations` why, `openedBy` the Pokja member whose recorded
 * failure opened it, `sealed` what still stays sealed.
 */
export interface NextPriceOpeningRecord extends PriceRecordHeader {
  /** the how-many-th price envelope of the tender this is (the first price opening's count first) */
  envelopeNumber: number;
  openedBy: { userId: string; name: string };
  failedNegotiations: { bidId: string; vendorName: string; negotiatedBy: string; negotiatedAt: string }[];
  bid: OpenedBid;
}
