import "server-only";
import type {
  DocumentKind,
  EvaluationMethod,
  ProcurementCategory,
  ProcurementMethod,
  StageKind,
  TenderStatus,
} from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { BidPart } from "@/modules/bids/domain";
import { qualificationRequirementsSchema, type QualificationRequirements } from "@/modules/qualification/domain";
import { requiredBidParts, stageInForce } from "@/modules/tenders/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";

export interface AnnouncementStage {
  id: string;
  kind: StageKind;
  startsAt: Date;
  endsAt: Date;
  isCurrent: boolean;
}

export interface AnnouncementScheduleChange {
  id: string;
  changedAt: Date;
  stageKind: StageKind;
  oldStartsAt: Date;
  oldEndsAt: Date;
  newStartsAt: Date;
  newEndsAt: Date;
  reason: string;
}

export interface AnnouncementDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  sizeBytes: bigint;
  sha256: string;
}

/** The public announcement of a tender. HPS is the total only: HpsItem is never read. */
export interface Announcement {
  id: string;
  code: string;
  status: TenderStatus;
  /** FAILED or CANCELLED: the page leads with `endReason` */
  isEnded: boolean;
  endReason: string | null;
  /** when it failed or was cancelled */
  endedAt: Date | null;
  paketName: string;
  rupCode: string;
  agencyName: string;
  /** the agency's IANA zone: every time on the page is shown in it */
  timeZone: string;
  workUnitName: string;
  category: ProcurementCategory;
  method: ProcurementMethod;
  pagu: bigint;
  hps: bigint | null;
  location: string;
  fundingSource: string;
  fiscalYear: number;
  qualification: string | null;
  /** what the system checks against a vendor's verified profile (a Tender Cepat enforces it) */
  requiredKbli: string[];
  requiredPermits: string[];
  /** the structured requirements (issue 15); null: only the text above applies */
  qualificationRequirements: QualificationRequirements | null;
  /** the parts every bid must contain */
  bidParts: BidPart[];
  evaluationMethod: EvaluationMethod | null;
  bidSecurityAmount: bigint | null;
  publishedAt: Date | null;
  currentStage: StageKind | null;
  stages: AnnouncementStage[];
  /** newest first */
  scheduleChanges: AnnouncementScheduleChange[];
  /** public documents of the tender, then of its paket */
  documents: AnnouncementDocument[];
  /** TRANSFERRED: where the tender now lives (the page leads with a pointer there) */
  transfer: { destinationName: string; destinationUrl: string; transferredAt: Date } | null;
}

const PUBLIC_DOCUMENTS = {
  where: { isPublic: true },
  orderBy: [{ createdAt: "asc" }, { fileName: "asc" }],
  select: { id: true, kind: true, fileName: true, sizeBytes: true, sha256: true },
} satisfies Prisma.Tender$documentsArgs;

/** A published (or later) tender by its public code; NOT_FOUND for unknown codes and drafts. */
export async function getAnnouncement(code: string): Promise<Announcement> {
  const [now, row] = await Promise.all([
    dbNow(),
    db.tender.findFirst({
      // Never announced (a draft, or a draft cancelled before it was): as good as not there.
      where: { code, publishedAt: { not: null } },
      select: {
        id: true,
        code: true,
        status: true,
        method: true,
        endReason: true,
        failedAt: true,
        cancelledAt: true,
        qualification: true,
        requiredKbli: true,
        requiredPermits: true,
        qualificationRequirements: true,
        bidParts: true,
        procedure: { select: { bidParts: true } },
        evaluationMethod: true,
        bidSecurityAmount: true,
        publishedAt: true,
        paket: {
          select: {
            name: true,
            rupCode: true,
            category: true,
            pagu: true,
            hps: true,
            location: true,
            fundingSource: true,
            fiscalYear: true,
            agency: { select: { name: true, timeZone: true } },
            workUnit: { select: { name: true } },
            documents: PUBLIC_DOCUMENTS,
          },
        },
        stages: { orderBy: { position: "asc" }, select: { id: true, kind: true, startsAt: true, endsAt: true } },
        scheduleChanges: {
          orderBy: [{ changedAt: "desc" }, { id: "asc" }],
          select: {
            id: true,
            changedAt: true,
            reason: true,
            oldStartsAt: true,
            oldEndsAt: true,
            newStartsAt: true,
            newEndsAt: true,
            stage: { select: { kind: true } },
          },
        },
        documents: PUBLIC_DOCUMENTS,
        transfer: { select: { destinationName: true, destinationUrl: true, transferredAt: true } },
      },
    }),
  ]);
  if (!row) throw new AppError("NOT_FOUND");
  const { paket, stages, scheduleChanges, documents, failedAt, cancelledAt, procedure, ...tender } = row;
  // stored only through this schema (tenders' set-up); what does not read is not shown
  const requirements = qualificationRequirementsSchema.safeParse(tender.qualificationRequirements);
  const isEnded = tender.status === "FAILED" || tender.status === "CANCELLED";
  // a moved tender runs no stage here any more: its schedule goes on at the new LPSE
  const current = tender.status === "TRANSFERRED" ? null : stageInForce(tender.status, stages, now);
  return {
    ...tender,
    qualificationRequirements: requirements.success ? requirements.data : null,
    bidParts: requiredBidParts(procedure.bidParts, tender.bidParts, tender.bidSecurityAmount),
    isEnded,
    endedAt: cancelledAt ?? failedAt,
    paketName: paket.name,
    rupCode: paket.rupCode,
    agencyName: paket.agency.name,
    timeZone: paket.agency.timeZone,
    workUnitName: paket.workUnit.name,
    category: paket.category,
    pagu: paket.pagu,
    hps: paket.hps,
    location: paket.location,
    fundingSource: paket.fundingSource,
    fiscalYear: paket.fiscalYear,
    currentStage: current?.kind ?? null,
    stages: stages.map((stage) => ({ ...stage, isCurrent: stage.id === current?.id })),
    scheduleChanges: scheduleChanges.map(({ stage, ...change }) => ({ ...change, stageKind: stage.kind })),
    documents: [...documents, ...paket.documents],
  };
}
