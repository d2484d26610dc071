import "server-only";
import { refreshRedFlags } from "@/modules/red-flags";
import { db, dbNow } from "@/server/db";
import type { DirectProcurementStage } from "../domain";
import { recordDirectProcurementRelease, recordNonTenderRelease } from "./record-other-releases";
import { recordCurrentTenderRelease } from "./record-tender-release";

const BATCH = 500;

const DIRECT_STAGE: Record<string, DirectProcurementStage> = {
  INVITED: "invited",
  QUOTED: "invited",
  NEGOTIATED: "invited",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
};

export interface BackfillCounts {
  tenders: number;
  directProcurements: number;
  nonTenderRecords: number;
}

/** Ids after `after`, in id order, a batch at a time, of rows that have no release yet. */
async function* idsWithoutRelease(
  read: (after: string | undefined) => Promise<{ id: string }[]>,
): AsyncGenerator<string> {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (!rows.length) return;
    for (const row of rows) yield row.id;
    after = rows.at(-1)!.id;
  }
}

/**
 * `npm run segel -- open-data backfill`: one release for every process that has none (an
 * instance upgraded from before the open data), its state as it is now. One process per
 * transaction under the lock its own use cases take (the tender's row, the paket's row, the
 * record's row), re-checked under the lock, so it is idempotent and safe while Segel runs:
 * a second run publishes nothing. A tender's red flags are recomputed in the same
 * transaction. Drafts are never published.
 */
export async function backfillReleases(onProgress?: (counts: BackfillCounts) => void): Promise<BackfillCounts> {
  const counts: BackfillCounts = { tenders: 0, directProcurements: 0, nonTenderRecords: 0 };
  let seen = 0;
  const page = (after: string | undefined) => ({
    ...(after ? { id: { gt: after } } : {}),
    ocdsReleases: { none: {} },
  });

  for await (const id of idsWithoutRelease((after) =>
    db.tender.findMany({
      where: { ...page(after), status: { not: "DRAFT" } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    }),
  )) {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${id}::uuid FOR UPDATE`;
      const now = await dbNow(tx);
      if (await recordCurrentTenderRelease(tx, id, now)) counts.tenders++;
      await refreshRedFlags(tx, id, now);
    });
    if (++seen % BATCH === 0) onProgress?.(counts);
  }

  for await (const id of idsWithoutRelease((after) =>
    db.directProcurement.findMany({ where: page(after), orderBy: { id: "asc" }, take: BATCH, select: { id: true } }),
  )) {
    await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string }[]>`
        SELECT d.status::text AS status FROM "DirectProcurement" d JOIN "Paket" p ON p.id = d."paketId"
        WHERE d.id = ${id}::uuid FOR UPDATE OF p`;
      if (!row || (await tx.ocdsRelease.count({ where: { directProcurementId: id } }))) return;
      await recordDirectProcurementRelease(tx, id, DIRECT_STAGE[row.status] ?? "invited", await dbNow(tx));
      counts.directProcurements++;
    });
  }

  for await (const id of idsWithoutRelease((after) =>
    db.nonTenderRecord.findMany({ where: page(after), orderBy: { id: "asc" }, take: BATCH, select: { id: true } }),
  )) {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "NonTenderRecord" WHERE id = ${id}::uuid FOR UPDATE`;
      if (await tx.ocdsRelease.count({ where: { nonTenderRecordId: id } })) return;
      await recordNonTenderRelease(tx, id, await dbNow(tx));
      counts.nonTenderRecords++;
    });
  }
  onProgress?.(counts);
  return counts;
}
