import "server-only";
import { db, dbNow } from "@/server/db";
import { refreshRedFlags } from "./refresh-red-flags";

const BATCH = 500;

/**
 * Recomputes every tender's red flags, one tender per transaction under its row lock (the
 * lock the lifecycle's writer takes, so a live event and this never write a tender's flags
 * at once): for an instance upgraded from before the flags, or after the thresholds
 * changed. Tenders are read in id order, a batch of ids at a time, so memory stays flat.
 * A flag already raised keeps its raisedAt; a new one is raised at this run's clock.
 */
export async function refreshAllRedFlags(onProgress?: (done: number) => void): Promise<{ tenders: number }> {
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const ids = await db.tender.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (!ids.length) return { tenders: done };
    for (const { id } of ids) {
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${id}::uuid FOR UPDATE`;
        await refreshRedFlags(tx, id, await dbNow(tx));
      });
      done++;
    }
    after = ids.at(-1)!.id;
    onProgress?.(done);
  }
}
