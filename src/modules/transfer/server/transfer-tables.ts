import "server-only";
import type { Tx } from "./collect-tender-rows";

/**
 * What a tender bundle holds, table by table (docs/decisions/0040). The export writes exactly
 * these keys into data.json (export-tender.int.test.ts checks it) and the import knows no
 * other (plan-import.ts). transfer-tables.int.test.ts fails when a model related to Tender or
 * Bid is in none of CARRIED_TABLES, UNCARRIED and DOES_NOT_TRAVEL: a new table must be
 * carried, refused or explained here before a tender can move without it.
 */
export const CARRIED_TABLES = [
  ...["Agency", "WorkUnit", "ProcedureConfig", "MethodRule", "Paket", "HpsItem", "Tender", "TenderStage"],
  ...["ScheduleChange", "Document", "Question", "Answer", "Vendor", "TenderParticipant", "Bid", "BidFile"],
  ...["BidDefect", "TenderOpeningKey", "TenderKeyShare", "UserOpeningKey", "Pokja", "PokjaMember", "Sanggah"],
  // issue 15 (bundle version 2): the prakualifikasi and the price envelope's key, same k of n
  ...["PrequalificationApplication", "TenderPriceKey", "TenderPriceKeyShare", "AuditEvent"],
] as const;

/**
 * Rows that name the tender in tables the bundle does not carry. The export runs before the
 * opening, so none of these should exist; if one does, the tender is refused rather than
 * moved without it (collect-tender-rows.ts exportRefusal).
 */
export const UNCARRIED: { table: string; count: (tx: Tx, tenderId: string) => Promise<number> }[] = [
  { table: "Evaluation", count: (tx, id) => tx.evaluation.count({ where: { tenderId: id } }) },
  { table: "OpeningApproval", count: (tx, id) => tx.openingApproval.count({ where: { tenderId: id } }) },
  { table: "WinnerProposal", count: (tx, id) => tx.winnerProposal.count({ where: { tenderId: id } }) },
  { table: "AwardWithdrawal", count: (tx, id) => tx.awardWithdrawal.count({ where: { tenderId: id } }) },
  { table: "EvaluationReopening", count: (tx, id) => tx.evaluationReopening.count({ where: { tenderId: id } }) },
  { table: "SupersededEvaluation", count: (tx, id) => tx.supersededEvaluation.count({ where: { tenderId: id } }) },
  { table: "EvaluationInvitation", count: (tx, id) => tx.evaluationInvitation.count({ where: { tenderId: id } }) },
  { table: "PenunjukanLangsung", count: (tx, id) => tx.penunjukanLangsung.count({ where: { tenderId: id } }) },
  // issue 15: the price opening, the negotiation and the contract come after the first opening
  { table: "PriceOpeningApproval", count: (tx, id) => tx.priceOpeningApproval.count({ where: { tenderId: id } }) },
  { table: "Negotiation", count: (tx, id) => tx.negotiation.count({ where: { tenderId: id } }) },
  { table: "Contract", count: (tx, id) => tx.contract.count({ where: { tenderId: id } }) },
  // time given back for downtime names this instance's outages, which do not travel
  { table: "Compensation", count: (tx, id) => tx.compensation.count({ where: { tenderId: id } }) },
  // a tender that already came from elsewhere keeps its first source's record here
  { table: "ImportedTender", count: (tx, id) => tx.importedTender.count({ where: { tenderId: id } }) },
];

/** Models related to Tender or Bid that are deliberately neither carried nor refused. */
export const DOES_NOT_TRAVEL = [
  // the source's own record that the tender left, written after the export
  "TenderTransfer",
  // the receiver's own record of a tender that arrived (and the source's events kept with it)
  "ImportedAuditEvent",
  // derived here from the tender's rows: the open-data releases, red flags and alert matches
  // are made again by the receiver from its own copy
  "OcdsRelease",
  "TenderRedFlag",
  "SavedSearchMatch",
  // the bids an EvaluationInvitation names: refused with it
  "EvaluationInvitationBid",
  // people travel as BundlePerson (who they are, never a password hash or session), not as rows
  "User",
] as const;
