import "server-only";
import { db } from "@/server/db";

export interface TenderFilterOptions {
  /** newest first */
  fiscalYears: number[];
  agencies: { id: string; name: string }[];
}

// Only values that lead somewhere: agencies and years with at least one public tender.
const HAS_PUBLIC_TENDER = { tenders: { some: { status: { not: "DRAFT" as const } } } };

/** The choices of the /tender filter form that come from data (categories etc. are enums). */
export async function findTenderFilterOptions(): Promise<TenderFilterOptions> {
  const [years, agencies] = await Promise.all([
    db.paket.findMany({ where: HAS_PUBLIC_TENDER, distinct: ["fiscalYear"], orderBy: { fiscalYear: "desc" }, select: { fiscalYear: true } }),
    db.agency.findMany({ where: { pakets: { some: HAS_PUBLIC_TENDER } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { fiscalYears: years.map((y) => y.fiscalYear), agencies };
}
