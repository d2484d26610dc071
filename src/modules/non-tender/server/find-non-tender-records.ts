import "server-only";
import { db } from "@/server/db";

export const NON_TENDER_PAGE_SIZE = 20;

/** The public list of non-tender records, newest realisation first, one page at a time. */
export async function findNonTenderRecords(options: { page?: number } = {}) {
  const total = await db.nonTenderRecord.count();
  const pageCount = Math.max(1, Math.ceil(total / NON_TENDER_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
  const rows = await db.nonTenderRecord.findMany({
    orderBy: [{ realizedOn: "desc" }, { recordedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * NON_TENDER_PAGE_SIZE,
    take: NON_TENDER_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      kind: true,
      category: true,
      value: true,
      realizedOn: true,
      agency: { select: { name: true, timeZone: true } },
    },
  });
  const records = rows.map(({ agency, ...r }) => ({ ...r, agencyName: agency.name, agencyTimeZone: agency.timeZone }));
  return { records, page, pageCount, total };
}

export type NonTenderListItem = Awaited<ReturnType<typeof findNonTenderRecords>>["records"][number];
