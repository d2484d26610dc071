import type { ProcurementMethod } from "@/modules/paket/domain";
import type { RedFlagCode } from "./codes";

/**
 * The red flags, one table (docs/decisions/0041). A flag is a reason to look closer, never
 * an accusation: each measures a pattern that the sources below found more often in
 * procurements that went wrong, and each has innocent explanations. What each is and is
 * not is said to the public in redFlags.json (`flags.<code>.is` / `.isNot`), beside it.
 *
 * Every figure is configuration, not law: no Indonesian regulation defines these
 * indicators. The defaults are below (RED_FLAG_DEFAULTS); an LPSE changes them with the
 * SEGEL_RED_FLAG_* settings (server/red-flag-settings.ts), the one settings place.
 */

export type RedFlagSourceId = "OPENTENDER" | "PROZORRO" | "OCP_2016" | "OCP_2024";

/** Where the indicators come from; shown with each flag on /tanda-bahaya and in the export. */
export const RED_FLAG_SOURCES: Record<RedFlagSourceId, { name: string; url: string }> = {
  OPENTENDER: {
    name: "opentender.net, Indonesia Corruption Watch: indikator potensi kecurangan (Potential Fraud Analysis)",
    url: "https://opentender.net",
  },
  PROZORRO: {
    name: "Prozorro (Ukraina): indikator risiko (risk indicators) DoZorro dan Badan Audit Negara",
    url: "https://prozorro.gov.ua",
  },
  OCP_2016: {
    name: "Open Contracting Partnership, Red flags for integrity: giving the green light to open data solutions (2016)",
    url: "https://www.open-contracting.org/resources/red-flags-integrity-giving-green-light-open-data-solutions/",
  },
  OCP_2024: {
    name: "Open Contracting Partnership, Red flags in public procurement: a guide to using data to detect and mitigate risks (2024)",
    url: "https://www.open-contracting.org/resources/red-flags-in-public-procurement-a-guide-to-using-data-to-detect-and-mitigate-risks/",
  },
};

/** The figures the flags are judged by. Configuration, not law (see the table's comment). */
export interface RedFlagThresholds {
  /** SHORT_BID_PERIOD: hours from the announcement to the bid deadline below which a method's tender is flagged; null: not judged */
  bidPeriodNormHours: Record<ProcurementMethod, number | null>;
  /** PRICE_NEAR_HPS: the winning price at or above this share of HPS, in thousandths (950 = 95%) */
  priceShareOfHpsPermille: number;
  /** REPEAT_WINNER: this many wins (this one included) at one agency within repeatWinnerWindowDays */
  repeatWinnerWins: number;
  repeatWinnerWindowDays: number;
  /** LATE_ADDENDUM: an addendum published less than this many hours before the bid deadline then in force */
  lateAddendumHours: number;
  /** LATE_DEADLINE_MOVE: a person moved the bid deadline less than this many hours before it would have ended */
  lateDeadlineMoveHours: number;
  /** MANY_FAILED_ADMINISTRATION: at least this share of the opened bids failed administration, in thousandths */
  failedAdministrationPermille: number;
  /** ... and at least this many bids were opened (one failed bid of one is the single bid's flag) */
  failedAdministrationMinBids: number;
}

/**
 * The defaults. The bid period norms follow the default schedules of tenders/domain/
 * procedure.ts: a tender scheduled at every stage's minimum (3 + 1 + 5 days) falls below
 * 10 days, the default schedule (12 days) does not. Penunjukan and pengadaan langsung
 * invite one vendor: a short period there limits no competition, so they are not judged.
 */
export const RED_FLAG_DEFAULTS: RedFlagThresholds = {
  bidPeriodNormHours: {
    TENDER: 240,
    SELEKSI: 336,
    TENDER_CEPAT: 96,
    PENUNJUKAN_LANGSUNG: null,
    PENGADAAN_LANGSUNG: null,
    E_PURCHASING: null,
  },
  priceShareOfHpsPermille: 950,
  repeatWinnerWins: 3,
  repeatWinnerWindowDays: 365,
  lateAddendumHours: 72,
  lateDeadlineMoveHours: 48,
  failedAdministrationPermille: 500,
  failedAdministrationMinBids: 2,
};

/** Methods that invite one vendor: a single bid there is the method, not a signal. */
export const SINGLE_INVITEE_METHODS: readonly ProcurementMethod[] = ["PENUNJUKAN_LANGSUNG", "PENGADAAN_LANGSUNG"];

export interface RedFlagDefinition {
  code: RedFlagCode;
  /** what is measured, in the terms of the data (the public text is redFlags.json) */
  measures: string;
  /** the thresholds it reads, shown beside it */
  thresholds: readonly (keyof RedFlagThresholds)[];
  sources: readonly RedFlagSourceId[];
}

/** The table. Order is the order of the public page. */
export const RED_FLAG_DEFINITIONS: readonly RedFlagDefinition[] = [
  {
    code: "SINGLE_BID",
    measures: "exactly one bid was opened (bids SUBMITTED at the opening); not for methods that invite one vendor",
    thresholds: [],
    sources: ["OPENTENDER", "PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "SHORT_BID_PERIOD",
    measures: "hours from publishedAt to the bid deadline below the method's norm",
    thresholds: ["bidPeriodNormHours"],
    sources: ["OPENTENDER", "PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "PRICE_NEAR_HPS",
    measures: "the winner's price (corrected, else as opened) as a share of HPS, at or above the threshold",
    thresholds: ["priceShareOfHpsPermille"],
    sources: ["OPENTENDER", "OCP_2016", "OCP_2024"],
  },
  {
    code: "REPEAT_WINNER",
    measures:
      "the winner's announced wins at the tender's agency in the window ending at this announcement, this one included",
    thresholds: ["repeatWinnerWins", "repeatWinnerWindowDays"],
    sources: ["OPENTENDER", "PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "LATE_ADDENDUM",
    measures: "an addendum published less than the threshold before the bid deadline in force then",
    thresholds: ["lateAddendumHours"],
    sources: ["PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "LATE_DEADLINE_MOVE",
    measures:
      "a person (not the system's rules: addendum push, zero-bid extension, compensation) moved the bid deadline shortly before it ended",
    thresholds: ["lateDeadlineMoveHours"],
    sources: ["PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "MANY_FAILED_ADMINISTRATION",
    measures: "the share of opened bids that failed the administrative evaluation",
    thresholds: ["failedAdministrationPermille", "failedAdministrationMinBids"],
    sources: ["PROZORRO", "OCP_2016", "OCP_2024"],
  },
  {
    code: "RETENDER_WON_BY_LOSER",
    measures: "a tender ulang won by a vendor that bid in the failed tender it repeats",
    thresholds: [],
    sources: ["OCP_2016", "OCP_2024"],
  },
  {
    code: "COMPENSATED",
    measures: "the portal gave a stage of this tender time back after downtime (Compensation rows)",
    thresholds: [],
    sources: ["OCP_2024"],
  },
  {
    code: "CANCELLED",
    measures: "the tender was cancelled (tender batal)",
    thresholds: [],
    sources: ["OPENTENDER", "OCP_2016", "OCP_2024"],
  },
];

export const definitionOf = (code: RedFlagCode): RedFlagDefinition =>
  RED_FLAG_DEFINITIONS.find((d) => d.code === code)!;
