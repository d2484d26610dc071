import "server-only";
import { db } from "@/server/db";

export const PENUNJUKAN_PAGE_SIZE = 20;

/**
 * The public list of penunjukan langsung, shown as non-tender (never in the tender list:
 * tenders/server/public-tender-sql.ts): each invitation once sent, newest first. The vendor
 * and the agreed price are public from the announcement of the result, like a winner.
 */
export async function findPublicPenunjukan(options: { page?: number } = {}) {
  const where = { method: "PENUNJUKAN_LANGSUNG", status: { not: "DRAFT" } } as const;
  const total = await db.tender.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PENUNJUKAN_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
  const rows = await db.tender.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * PENUNJUKAN_PAGE_SIZE,
    take: PENUNJUKAN_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      status: true,
      publishedAt: true,
      announcedAt: true,
      paket: { select: { name: true, category: true, hps: true, agency: { select: { name: true, timeZone: true } } } },
      penunjukanRun: { select: { agreedPrice: true, vendor: { select: { name: true } } } },
    },
  });
  const items = rows.map((r) => {
    const isAnnounced = r.announcedAt !== null;
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      publishedAt: r.publishedAt,
      name: r.paket.name,
      category: r.paket.category,
      hps: r.paket.hps,
      agencyName: r.paket.agency.name,
      agencyTimeZone: r.paket.agency.timeZone,
      vendorName: isAnnounced ? (r.penunjukanRun?.vendor?.name ?? null) : null,
      agreedPrice: isAnnounced ? (r.penunjukanRun?.agreedPrice ?? null) : null,
    };
  });
  return { items, page, pageCount, total };
}

export type PublicPenunjukan = Awaited<ReturnType<typeof findPublicPenunjukan>>["items"][number];
