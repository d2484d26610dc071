import "server-only";
import { findBidDeadline } from "@/modules/tenders/domain";
import { db, dbNow } from "@/server/db";
import type { StagedUploadInfo } from "./chunked-upload-store";
import { STAGING_TTL_MS, stagingStore, uploadLocker } from "./staging-store";

/**
 * The worker's clean-up of the staging area: an upload that was never finished is removed
 * once its tender's bid deadline has passed (it can no longer become a bid file) or 24 h
 * after it began, by the database clock (decision 0006). The upload's lock is taken first,
 * so a PATCH still writing is told to stop rather than racing the removal.
 */
export async function removeExpiredUploads(): Promise<number> {
  const store = stagingStore();
  const uploads = await store.list();
  if (uploads.length === 0) return 0;
  const now = await dbNow();
  const tenderIds = [...new Set(uploads.map((u) => u.metadata?.tenderId).filter((id): id is string => Boolean(id)))];
  const stages = await db.tenderStage.findMany({
    where: { tenderId: { in: tenderIds }, kind: "UPLOAD_PENAWARAN" },
    select: { tenderId: true, kind: true, startsAt: true, endsAt: true },
  });
  const deadlineOf = (tenderId: string | null | undefined) =>
    tenderId ? findBidDeadline(stages.filter((s) => s.tenderId === tenderId)) : null;
  const expired = uploads.filter((upload) => isExpired(upload, deadlineOf(upload.metadata?.tenderId), now));
  let removed = 0;
  for (const upload of expired) {
    const lock = uploadLocker().newLock(upload.id);
    try {
      await lock.lock(AbortSignal.timeout(30_000), () => {});
      await store.datastore.remove(upload.id);
      removed += 1;
    } catch {
      // already removed by another worker, or still locked: the next pass tries again
    } finally {
      await lock.unlock();
    }
  }
  return removed;
}

function isExpired(upload: StagedUploadInfo, deadline: Date | null, now: Date): boolean {
  const created = upload.creation_date ? new Date(upload.creation_date).getTime() : Number.NaN;
  // no tender, no deadline or no creation date: nothing it could still become
  if (!deadline || Number.isNaN(created)) return true;
  return deadline.getTime() <= now.getTime() || created + STAGING_TTL_MS <= now.getTime();
}
