import "server-only";
import type { ProcurementCategory, ProcurementMethod, StageKind, TenderStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { db, dbNow } from "@/server/db";
import { stagesAt, summarizeStages } from "./stage-summary";

/** What anyone, signed in or not, may see of a tender. Never the HPS breakdown. */
export interface PublicTender {
  id: string;
  code: string;
  status: TenderStatus;
  method: ProcurementMethod;
  paketName: string;
  category: ProcurementCategory;
  /** HPS total; its breakdown (HpsItem) is confidential */
  hps: bigint | null;
  agencyName: string;
  agencyTimeZone: string;
  currentStage: StageKind | null;
  bidDeadline: Date | null;
}

export interface FindPublicTendersOptions {
  /** only tenders whose bid upload window is open right now (database clock) */
  openForBids?: boolean;
  /** a plain list for now; paging and filters come with the tender search */
  take?: number;
}

export async function findPublicTenders(options: FindPublicTendersOptions = {}): Promise<{ tenders: PublicTender[]; now: Date }> {
  const now = await dbNow();
  // A draft is the Pokja's work in progress: never public.
  const where: Prisma.TenderWhereInput = options.openForBids
    ? { status: "PUBLISHED", stages: { some: { kind: "UPLOAD_PENAWARAN", startsAt: { lte: now }, endsAt: { gt: now } } } }
    : { status: { not: "DRAFT" } };
  const rows = await db.tender.findMany({
    where,
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: Math.min(options.take ?? 100, 200),
    select: {
      id: true,
      code: true,
      status: true,
      method: true,
      paket: { select: { name: true, category: true, hps: true, agency: { select: { name: true, timeZone: true } } } },
      stages: stagesAt(now),
    },
  });
  const tenders = rows.map((row) => ({
    id: row.id,
    code: row.code,
    status: row.status,
    method: row.method,
    paketName: row.paket.name,
    category: row.paket.category,
    hps: row.paket.hps,
    agencyName: row.paket.agency.name,
    agencyTimeZone: row.paket.agency.timeZone,
    ...summarizeStages(row.stages, now),
  }));
  return { tenders, now };
}
