/**
 * The OCDS 1.1.5 release as Segel publishes it: the subset of the release schema
 * (vendor/ocds/1.1.5/release-schema.json) that the builder fills, plus the bids extension
 * (https://extensions.open-contracting.org/en/extensions/bids/) and one extra field of our
 * own, `Document.hash` (the SHA-256 of the public file, hex). Every optional field is left
 * out rather than set to null, so the JSON stays small and merges cleanly.
 */

/** OCDS closed codelist releaseTag.csv (the values Segel uses). */
export type ReleaseTag =
  | "planning"
  | "tender"
  | "tenderAmendment"
  | "tenderUpdate"
  | "tenderCancellation"
  | "award"
  | "awardUpdate"
  | "awardCancellation"
  | "contract"
  | "contractUpdate"
  | "contractAmendment"
  | "implementation"
  | "implementationUpdate"
  | "contractTermination";

/** OCDS closed codelist method.csv. */
export type ProcurementMethod = "open" | "selective" | "limited" | "direct";

/** OCDS closed codelist procurementCategory.csv. */
export type ProcurementCategory = "goods" | "works" | "services";

/** OCDS closed codelist tenderStatus.csv. */
export type TenderStatus = "planning" | "planned" | "active" | "cancelled" | "unsuccessful" | "complete" | "withdrawn";

/** OCDS closed codelist awardStatus.csv. */
export type AwardStatus = "pending" | "active" | "cancelled" | "unsuccessful";

/** OCDS closed codelist contractStatus.csv. */
export type ContractStatus = "pending" | "active" | "cancelled" | "terminated";

/** OCDS open codelist partyRole.csv (the values Segel uses). */
export type PartyRole = "buyer" | "procuringEntity" | "tenderer" | "supplier" | "reviewBody";

/** OCDS closed codelist milestoneStatus.csv. */
export type MilestoneStatus = "scheduled" | "met" | "notMet" | "partiallyMet";

export interface OcdsValue {
  /** Integer rupiah as a JSON number (IDR has no minor unit in practice; bigint fits below 2^53). */
  amount: number;
  currency: "IDR";
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
  durationInDays?: number;
}

export interface OrganizationReference {
  id: string;
  name: string;
}

export interface OcdsIdentifier {
  /** org-id.guide scheme, e.g. "ID-NPWP" for a vendor's tax number; omitted when we have none. */
  scheme?: string;
  id?: string;
  legalName?: string;
}

export interface OcdsAddress {
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  countryName?: string;
}

/** A party. No contactPoint: vendors' e-mail, phone and people are never published. */
export interface OcdsParty {
  id: string;
  name: string;
  identifier?: OcdsIdentifier;
  address?: OcdsAddress;
  roles: PartyRole[];
}

export interface OcdsDocument {
  id: string;
  /** OCDS open codelist documentType.csv, e.g. "tenderNotice", "biddingDocuments", "clarifications". */
  documentType?: string;
  title?: string;
  description?: string;
  /** Absolute URL of the public download route. */
  url?: string;
  datePublished?: string;
  format?: string;
  language?: string;
  /** Segel's extra field: SHA-256 of the file as published, lowercase hex. */
  hash?: string;
}

export interface OcdsMilestone {
  id: string;
  title?: string;
  /** OCDS open codelist milestoneType.csv, e.g. "engagement", "approval". */
  type?: string;
  description?: string;
  code?: string;
  dueDate?: string;
  dateMet?: string;
  status?: MilestoneStatus;
}

export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  description?: string;
}

export interface OcdsTender {
  id: string;
  title: string;
  description?: string;
  status: TenderStatus;
  procuringEntity?: OrganizationReference;
  /** The HPS total only: its item breakdown is never published. */
  value?: OcdsValue;
  procurementMethod: ProcurementMethod;
  procurementMethodDetails: string;
  procurementMethodRationale?: string;
  mainProcurementCategory?: ProcurementCategory;
  additionalProcurementCategories?: string[];
  /** OCDS open codelist awardCriteria.csv */
  awardCriteria?: string;
  awardCriteriaDetails?: string;
  submissionMethod?: string[];
  tenderPeriod?: OcdsPeriod;
  enquiryPeriod?: OcdsPeriod;
  awardPeriod?: OcdsPeriod;
  numberOfTenderers?: number;
  tenderers?: OrganizationReference[];
  documents?: OcdsDocument[];
  milestones?: OcdsMilestone[];
  amendments?: OcdsAmendment[];
}

export interface OcdsAward {
  id: string;
  title?: string;
  description?: string;
  status: AwardStatus;
  /** The announcement (pengumuman pemenang), or the SPPBJ's date once it is issued. */
  date?: string;
  /** The winner's price after arithmetic correction. */
  value?: OcdsValue;
  suppliers?: OrganizationReference[];
  documents?: OcdsDocument[];
}

/** A payment made under a contract (one termin's, Segel records them per termin). */
export interface OcdsTransaction {
  id: string;
  date: string;
  value: OcdsValue;
  payer: OrganizationReference;
  payee: OrganizationReference;
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title?: string;
  description?: string;
  status: ContractStatus;
  value?: OcdsValue;
  dateSigned?: string;
  period?: OcdsPeriod;
  documents?: OcdsDocument[];
  amendments?: OcdsAmendment[];
  implementation?: { milestones?: OcdsMilestone[]; transactions?: OcdsTransaction[] };
}

/** Bids extension: one statistic, e.g. measure "bids" or "validBids" (bidStatistics codelist). */
export interface OcdsBidStatistic {
  id: string;
  measure: string;
  value: number;
  date?: string;
  notes?: string;
}

export interface OcdsBids {
  statistics: OcdsBidStatistic[];
}

export interface OcdsRelatedProcess {
  id: string;
  /** OCDS open codelist relatedProcess.csv, e.g. "parent" for the tender a re-tender repeats. */
  relationship: string[];
  title?: string;
  scheme: "ocid";
  identifier: string;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: "tender";
  language: "id";
  parties: OcdsParty[];
  buyer: OrganizationReference;
  tender: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
  bids?: OcdsBids;
  relatedProcesses?: OcdsRelatedProcess[];
}

/** The OCDS release package around one or more releases (release-package-schema.json). */
export interface OcdsReleasePackage {
  uri: string;
  version: "1.1";
  extensions?: string[];
  publishedDate: string;
  publisher: { name: string; uri?: string; scheme?: string; uid?: string };
  license?: string;
  publicationPolicy?: string;
  releases: OcdsRelease[];
}
