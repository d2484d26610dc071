/**
 * How Segel's words become OCDS 1.1.5 codes (procurement-domain.md "Open data"). Pure tables;
 * each choice that is ours rather than the standard's says why. The codes come from the
 * standard's codelists (vendor/ocds/1.1.5/codelists): method.csv, procurementCategory.csv,
 * extendedProcurementCategory.csv, tenderStatus.csv, awardStatus.csv, documentType.csv,
 * releaseTag.csv.
 */
import type { ProcurementCategory as Category, ProcurementMethod as Method } from "@/modules/paket/domain";
import type { TenderStatus as SegelTenderStatus } from "@/modules/tenders/domain";
import type { AwardStatus, ProcurementCategory, ProcurementMethod, ReleaseTag, TenderStatus } from "./release-types";
import type { TenderChangeTrigger } from "./triggers";

interface MethodMapping {
  procurementMethod: ProcurementMethod;
  /** Indonesian, as the regulation names the method (Perpres 16/2018 Pasal 38 and 41). */
  procurementMethodDetails: string;
}

/**
 * Tender and Tender Cepat are open to every registered vendor: "open". Seleksi shortlists after
 * prakualifikasi: "selective". Penunjukan Langsung invites one qualified vendor the PA/KPA
 * approved, after a procedure of its own: "limited". Pengadaan Langsung and E-Purchasing buy
 * from one vendor without a competition: "direct".
 */
export const METHOD_MAPPING: Record<Method, MethodMapping> = {
  TENDER: { procurementMethod: "open", procurementMethodDetails: "Tender" },
  TENDER_CEPAT: { procurementMethod: "open", procurementMethodDetails: "Tender Cepat" },
  SELEKSI: { procurementMethod: "selective", procurementMethodDetails: "Seleksi" },
  PENUNJUKAN_LANGSUNG: { procurementMethod: "limited", procurementMethodDetails: "Penunjukan Langsung" },
  PENGADAAN_LANGSUNG: { procurementMethod: "direct", procurementMethodDetails: "Pengadaan Langsung" },
  E_PURCHASING: { procurementMethod: "direct", procurementMethodDetails: "E-Purchasing" },
};

/** NonTenderRecord.kind (Prisma's NonTenderKind): what a procurement recorded afterwards was. */
export type NonTenderKind =
  "PENGADAAN_LANGSUNG" | "PENUNJUKAN_LANGSUNG" | "DARURAT" | "SWAKELOLA" | "E_PURCHASING" | "DILAKSANAKAN_LUAR_SISTEM";

/**
 * A non-tender record names its kind in procurementMethodDetails, prefixed "Non-Tender" so a
 * reader tells it from a process run in Segel. Darurat (Perlem LKPP 6/2024) and Swakelola
 * choose no vendor by competition: "direct". A procurement "dilaksanakan di luar sistem" is a
 * tender held outside the system while it was down: "open".
 */
export const NON_TENDER_MAPPING: Record<NonTenderKind, MethodMapping> = {
  PENGADAAN_LANGSUNG: { procurementMethod: "direct", procurementMethodDetails: "Non-Tender: Pengadaan Langsung" },
  PENUNJUKAN_LANGSUNG: { procurementMethod: "limited", procurementMethodDetails: "Non-Tender: Penunjukan Langsung" },
  DARURAT: { procurementMethod: "direct", procurementMethodDetails: "Non-Tender: Pengadaan Darurat" },
  SWAKELOLA: { procurementMethod: "direct", procurementMethodDetails: "Non-Tender: Swakelola" },
  E_PURCHASING: { procurementMethod: "direct", procurementMethodDetails: "Non-Tender: E-Purchasing" },
  DILAKSANAKAN_LUAR_SISTEM: {
    procurementMethod: "open",
    procurementMethodDetails: "Non-Tender: Dilaksanakan di Luar Sistem",
  },
};

/** Consultancy is "services" with the extended category "consultingServices". */
export const CATEGORY_MAPPING: Record<
  Category,
  { mainProcurementCategory: ProcurementCategory; additionalProcurementCategories?: string[] }
> = {
  BARANG: { mainProcurementCategory: "goods" },
  PEKERJAAN_KONSTRUKSI: { mainProcurementCategory: "works" },
  JASA_KONSULTANSI: { mainProcurementCategory: "services", additionalProcurementCategories: ["consultingServices"] },
  JASA_LAINNYA: { mainProcurementCategory: "services" },
};

/**
 * tender.status. The evaluation is still the tender stage ("active"); the announcement ends it
 * ("complete"); a transferred tender is published on by its new LPSE under that LPSE's ocid,
 * so nothing more comes under this one: "withdrawn". DRAFT is never published.
 */
export const TENDER_STATUS_MAPPING: Record<Exclude<SegelTenderStatus, "DRAFT">, TenderStatus> = {
  PUBLISHED: "active",
  EVALUATION: "active",
  AWARDED: "complete",
  COMPLETED: "complete",
  FAILED: "unsuccessful",
  CANCELLED: "cancelled",
  TRANSFERRED: "withdrawn",
};

/**
 * award.status: announced but still in the masa sanggah is OCDS's "cooling off period"
 * ("pending"); the SPPBJ puts it in force ("active"); an accepted sanggah withdraws it
 * ("cancelled"); a tender cancelled or failed after the announcement ends it ("cancelled").
 */
export function awardStatus(input: { withdrawn: boolean; status: SegelTenderStatus }): AwardStatus {
  if (input.withdrawn) return "cancelled";
  if (input.status === "COMPLETED") return "active";
  if (input.status === "AWARDED") return "pending";
  return "cancelled";
}

/** Document.kind (Prisma's DocumentKind) as OCDS documentType; LAINNYA has none. */
export const DOCUMENT_TYPE_MAPPING: Record<string, string | undefined> = {
  KAK: "technicalSpecifications",
  SPESIFIKASI: "technicalSpecifications",
  RANCANGAN_KONTRAK: "contractDraft",
  DOKUMEN_PEMILIHAN: "biddingDocuments",
  // an addendum changes the selection documents (Perpres 16/2018 Pasal 50 ayat (4))
  ADENDUM: "biddingDocuments",
  BERITA_ACARA: "evaluationReports",
  SPPBJ: "awardNotice",
  PEMBATALAN: "cancellationDetails",
  LAINNYA: undefined,
};

/** The document kinds that belong to the award rather than the tender. */
export const AWARD_DOCUMENT_KINDS: readonly string[] = ["SPPBJ"];

/**
 * The tags of the release a change publishes, or null: no release. Penetapan (winnerSet) is
 * not public before the announcement; a stage boundary publishes only when the status moved
 * (the caller compares with the previous release), since the schedule was already published.
 * `hadAnnouncement`: an award was published before (a withdrawn one), so reopening the
 * evaluation updates that award.
 */
export function releaseTagsFor(
  trigger: TenderChangeTrigger,
  context: { hadAnnouncement: boolean },
): ReleaseTag[] | null {
  switch (trigger) {
    case "published":
    case "imported":
      return ["tender"];
    case "rescheduled":
    case "compensated":
    case "deadlineExtended":
    case "addendum":
      return ["tenderAmendment"];
    // seleksi: the shortlist and a repeated prakualifikasi are public; the price opening publishes counts
    case "stageBoundary":
    case "opened":
    case "shortlistAnnounced":
    case "shortlistWithdrawn":
    case "prequalificationRepeated":
    case "priceOpened":
    case "failed":
    case "transferred":
      return ["tenderUpdate"];
    // the failed tender itself does not change; the tender ulang's own release links back to it
    case "retendered":
    case "winnerSet":
      return null;
    case "winnerAnnounced":
      return ["award"];
    case "sanggahAccepted":
    case "sppbjIssued":
      return ["awardUpdate"];
    case "evaluationReopened":
      return context.hadAnnouncement ? ["awardUpdate"] : ["tenderUpdate"];
    case "cancelled":
      return ["tenderCancellation"];
    // the contract (OCDS releaseTag.csv): signed, its SPMK and end, its addenda, progress, BAST
    // and payments, its termination
    case "contractSigned":
      return ["contract"];
    case "spmkIssued":
    case "contractCompleted":
      return ["contractUpdate"];
    case "contractAmended":
      return ["contractAmendment"];
    case "contractProgress":
      return ["implementation"];
    case "contractTerminated":
      return ["contractTermination"];
  }
}

/**
 * The tags of the one release a backfill publishes for a tender that has none (an instance
 * upgraded from before the open data): "tender" always, since it is the process's first
 * release, plus what its current state adds.
 */
export function backfillTagsFor(status: Exclude<SegelTenderStatus, "DRAFT">): ReleaseTag[] {
  switch (status) {
    case "AWARDED":
    case "COMPLETED":
      return ["tender", "award"];
    case "CANCELLED":
      return ["tender", "tenderCancellation"];
    default:
      return ["tender"];
  }
}
