import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { RedFlagCode } from "../domain/codes";
import type { RedFlagCursor, RedFlagFilter } from "../red-flags.schemas";

export const RED_FLAG_PAGE_SIZE = 50;
export const RED_FLAG_EXPORT_PAGE_SIZE = 1000;

export interface RedFlagRow {
  id: string;
  code: RedFlagCode;
  detail: Record<string, string | number>;
  raisedAt: Date;
  fiscalYear: number;
  tender: { id: string; code: string; name: string; ocid: string | null };
  agency: { id: string; name: string; timeZone: string };
}

export interface RedFlagPage {
  rows: RedFlagRow[];
  /** the cursor of the next (older) page, null on the last */
  olderThan: RedFlagCursor | null;
}

const where = (filter: RedFlagFilter): Prisma.TenderRedFlagWhereInput => ({
  ...(filter.code ? { code: filter.code } : {}),
  ...(filter.agency ? { agencyId: filter.agency } : {}),
  ...(filter.year ? { fiscalYear: filter.year } : {}),
});

/**
 * The public list of raised flags, newest first, in keyset pages: each filter (flag,
 * agency, fiscal year, and their combinations with the flag) reads down one of
 * TenderRedFlag's indexes ending in raisedAt, so a page deep in 100,000 tenders costs
 * what the first does. The ocid is the one the tender's OCDS releases carry (null while
 * it has none, e.g. on an instance the open-data backfill has not reached).
 */
export async function findRedFlags(filter: RedFlagFilter, pageSize = RED_FLAG_PAGE_SIZE): Promise<RedFlagPage> {
  const before = filter.before;
  const rows = await db.tenderRedFlag.findMany({
    where: {
      ...where(filter),
      // raisedAt <= the cursor's is the index's range condition; the OR only sorts out the ties
      ...(before
        ? {
            raisedAt: { lte: before.raisedAt },
            OR: [{ raisedAt: { lt: before.raisedAt } }, { id: { lt: before.id } }],
          }
        : {}),
    },
    orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      code: true,
      detail: true,
      raisedAt: true,
      fiscalYear: true,
      agency: { select: { id: true, name: true, timeZone: true } },
      tender: {
        select: {
          id: true,
          code: true,
          paket: { select: { name: true } },
          ocdsReleases: { take: 1, orderBy: { seq: "desc" }, select: { ocid: true } },
        },
      },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      code: r.code,
      detail: r.detail as RedFlagRow["detail"],
      raisedAt: r.raisedAt,
      fiscalYear: r.fiscalYear,
      agency: r.agency,
      tender: {
        id: r.tender.id,
        code: r.tender.code,
        name: r.tender.paket.name,
        ocid: r.tender.ocdsReleases[0]?.ocid ?? null,
      },
    })),
    olderThan: rows.length > pageSize && last ? { raisedAt: last.raisedAt, id: last.id } : null,
  };
}

/** How many tenders carry each flag under the agency and year filters (the flag filter aside). */
export async function countRedFlags(filter: Pick<RedFlagFilter, "agency" | "year">): Promise<Map<RedFlagCode, number>> {
  const groups = await db.tenderRedFlag.groupBy({ by: ["code"], where: where(filter), _count: { _all: true } });
  return new Map(groups.map((g) => [g.code, g._count._all]));
}

/** The agencies and fiscal years that have flags: the filter form's choices. */
export async function findRedFlagChoices(): Promise<{ agencies: { id: string; name: string }[]; years: number[] }> {
  const [agencies, years] = await Promise.all([
    db.agency.findMany({
      where: { redFlags: { some: {} } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.tenderRedFlag.groupBy({ by: ["fiscalYear"], orderBy: { fiscalYear: "desc" } }),
  ]);
  return { agencies, years: years.map((y) => y.fiscalYear) };
}
