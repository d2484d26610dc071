/**
 * Domain code imports no Prisma, not even its generated enums, so each module's domain/
 * keeps its own `as const` list of an enum's values. This file is the one place that holds
 * each list to the database's enum: `tsc` fails here when a value is added to or removed
 * from one side only. Values flow between the two freely because both are the same string
 * unions. domain-enums.test.ts compares the runtime lists with Prisma's enum objects.
 */
import type * as Db from "@/generated/prisma/enums";
import { ROLES } from "@/modules/auth/domain";
import { WINNER_APPROVAL_DECISIONS } from "@/modules/award/domain";
import { OUTAGE_CAUSES, OUTAGE_SCOPES, PROCESS_ROLES } from "@/modules/availability/domain";
import { BACKUP_ALERT_KINDS, BACKUP_RUN_STATUSES, DRILL_STATUSES, DRILL_TRIGGERS } from "@/modules/backup/domain";
import { BID_DEFECT_CODES, BID_PARTS } from "@/modules/bids/domain";
import { DIRECT_PROCUREMENT_STATUSES } from "@/modules/direct-procurement/domain";
import { BOND_BASES, CONTRACT_STATUSES, PAYMENT_MODES, TERMINATION_GROUNDS } from "@/modules/contracts/domain";
import {
  type EvaluationStage,
  INVITATION_KINDS,
  NEGOTIATION_OUTCOMES,
  REOPENABLE_STAGES,
} from "@/modules/evaluation/domain";
import { PENUNJUKAN_DECISIONS } from "@/modules/failure/domain";
import { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from "@/modules/paket/domain";
import { OCDS_PROCESS_KINDS } from "@/modules/open-data/domain";
import { RED_FLAG_CODES } from "@/modules/red-flags/domain";
import { ALERT_FREQUENCIES } from "@/modules/alerts/domain";
import { SANGGAH_DECISIONS, SANGGAH_KINDS } from "@/modules/sanggah/domain";
import { EVALUATION_METHODS, STAGE_KINDS, FAILURE_KINDS, TENDER_STATUSES } from "@/modules/tenders/domain";
import { VENDOR_STATUSES } from "@/modules/vendors/domain";

/** Each Prisma enum the domain uses, by its Prisma name, with the domain's list of its values. */
export const DOMAIN_ENUMS = {
  Role: ROLES,
  VendorStatus: VENDOR_STATUSES,
  ProcurementCategory: PROCUREMENT_CATEGORIES,
  ProcurementMethod: PROCUREMENT_METHODS,
  TenderStatus: TENDER_STATUSES,
  TenderFailureKind: FAILURE_KINDS,
  EvaluationMethod: EVALUATION_METHODS,
  StageKind: STAGE_KINDS,
  DirectProcurementStatus: DIRECT_PROCUREMENT_STATUSES,
  BidPart: BID_PARTS,
  BidDefectCode: BID_DEFECT_CODES,
  // every stage can be reopened, so the reopenable stages are all of them, in order
  EvaluationStage: REOPENABLE_STAGES,
  EvaluationInvitationKind: INVITATION_KINDS,
  SanggahKind: SANGGAH_KINDS,
  SanggahDecision: SANGGAH_DECISIONS,
  WinnerApprovalDecision: WINNER_APPROVAL_DECISIONS,
  PenunjukanDecision: PENUNJUKAN_DECISIONS,
  BackupRunStatus: BACKUP_RUN_STATUSES,
  DrillTrigger: DRILL_TRIGGERS,
  DrillStatus: DRILL_STATUSES,
  BackupAlertKind: BACKUP_ALERT_KINDS,
  ProcessRole: PROCESS_ROLES,
  OutageCause: OUTAGE_CAUSES,
  OutageScope: OUTAGE_SCOPES,
  OcdsProcessKind: OCDS_PROCESS_KINDS,
  RedFlagCode: RED_FLAG_CODES,
  AlertFrequency: ALERT_FREQUENCIES,
  NegotiationOutcome: NEGOTIATION_OUTCOMES,
  ContractStatus: CONTRACT_STATUSES,
  PaymentMode: PAYMENT_MODES,
  BondBasis: BOND_BASES,
  TerminationGround: TERMINATION_GROUNDS,
} as const;

type DomainEnums = typeof DOMAIN_ENUMS;
type PrismaValue<K extends keyof DomainEnums> = (typeof Db)[K][keyof (typeof Db)[K]];
/** true when A and B hold exactly the same values, false when either has one the other lacks */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** the names of the enums whose two sides differ; never when all agree */
type Mismatched = {
  [K in keyof DomainEnums]: Same<DomainEnums[K][number], PrismaValue<K>> extends true ? never : K;
}[keyof DomainEnums];

// A mismatch fails here, naming the enum: "… does not satisfy the expected type '{ differs: "Role"; }'".
true satisfies [Mismatched] extends [never] ? true : { differs: Mismatched };
// The evaluation's stage type is written as a union in evaluation-rules.ts; hold it too.
true satisfies Same<EvaluationStage, Db.EvaluationStage>;
