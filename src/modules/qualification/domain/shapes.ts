/**
 * The shapes shared by the tender's structured qualification requirements (set up by the
 * Pokja), the vendor's qualification form (filled from its verified profile, sealed with the
 * bid or sent to prakualifikasi) and the evaluation that sets one beside the other (issue 15;
 * Perlem LKPP 12/2021 Lampiran II on the qualification requirements). Stored as JSON
 * (Tender.qualificationRequirements, Bid.openedQualification, PrequalificationApplication.form),
 * so money is a string of rupiah digits and dates are ISO strings. Which items a tender asks
 * for is the Pokja's choice (configuration, not law). CONTRACT: helper B owns the zod schemas
 * and the assessment beside these; C and D only read them.
 */

/** Rupiah as digits ("2500000000"): JSON has no bigint. */
export type RupiahDigits = string;

export interface PermitRequirement {
  /** the permit kind, as typed ("SBU", "Sertifikat Standar"); held and valid on the bid deadline */
  kind: string;
  /** KBLI codes (5 digits) the vendor must hold; empty: any */
  kbli: string[];
}

export interface ExperienceRequirement {
  /** at least this many completed contracts ... */
  minCount: number;
  /** ... each of at least this value ... */
  minValue: RupiahDigits;
  /** ... within this many years before the bid deadline */
  withinYears: number;
}

export interface StaffRequirement {
  position: string;
  minCount: number;
  minYears: number;
  /** e.g. "S1 Teknik Sipil"; null: any */
  education: string | null;
}

export interface EquipmentRequirement {
  name: string;
  minCount: number;
}

export interface FinancialRequirement {
  /** sisa kemampuan nyata / net worth at least this; null: not asked */
  minNetWorth: RupiahDigits | null;
  /** the last annual tax return (SPT tahunan) must be shown */
  taxReturn: boolean;
}

export interface QualificationRequirements {
  version: 1;
  permits: PermitRequirement[];
  experience: ExperienceRequirement | null;
  staff: StaffRequirement[];
  equipment: EquipmentRequirement[];
  financial: FinancialRequirement | null;
}

/** The vendor's answer. Profile entries are copied at submission, with their ids and evidence documents. */
export interface QualificationForm {
  version: 1;
  permits: {
    vendorPermitId: string;
    kind: string;
    number: string;
    issuedBy: string;
    validUntil: string | null;
    documentId: string | null;
  }[];
  /** the vendor's KBLI codes from its verified profile */
  kbli: string[];
  experience: {
    vendorExperienceId: string;
    contractName: string;
    client: string;
    contractValue: RupiahDigits;
    year: number;
    documentId: string | null;
  }[];
  staff: {
    vendorPersonId: string;
    name: string;
    position: string;
    education: string | null;
    experienceYears: number | null;
    /** the requirement (index in requirements.staff) this person is offered for */
    forRequirement: number;
  }[];
  equipment: { forRequirement: number; name: string; count: number; ownership: string }[];
  financial: { netWorth: RupiahDigits | null; taxReturnYear: number | null } | null;
}

/** One requirement beside the answer, for the Pokja's evaluation and the vendor's own check. */
export interface AssessedRequirement {
  group: "permit" | "kbli" | "experience" | "staff" | "equipment" | "financial";
  /** the requirement in words (codes and names read the same in every language) */
  requirement: string;
  /** the answer in words, or null when nothing answers it */
  answer: string | null;
  /** evidence documents the Pokja may open */
  documentIds: string[];
  met: boolean;
}
