import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { STAGED_FILE_GRACE_MS } from "../domain/bid-rules";
import { removeSealed } from "./sealed-file-store";

/**
 * The worker's clean-up: staged files (no bid) of tenders whose bid deadline passed more
 * than STAGED_FILE_GRACE_MS ago, by the database clock, are removed with their stored
 * ciphertext, one audit event each. After the deadline nothing can bind them to a bid, so
 * the object goes first, inside the transaction: a failure leaves the row for the next
 * tick, never an object nobody points at. Rows are claimed FOR UPDATE SKIP LOCKED, so
 * several workers share the work.
 */
export async function removeExpiredStagedFiles({
  limit,
}: {
  limit: number;
}): Promise<{ checked: number; transitions: [] }> {
  const removed = await db.$transaction(
    async (tx) => {
      const files = await tx.$queryRaw<
        { id: string; tenderId: string; vendorId: string; part: string; commitment: string; storageKey: string }[]
      >`
      SELECT f.id, f."tenderId", f."vendorId", f.part::text AS part, f.commitment, f."storageKey"
      FROM "BidFile" f
      WHERE f."bidId" IS NULL
        AND (SELECT max(s."endsAt") FROM "TenderStage" s WHERE s."tenderId" = f."tenderId" AND s.kind = 'UPLOAD_PENAWARAN')
            <= segel_now() - make_interval(secs => ${STAGED_FILE_GRACE_MS / 1000}::float8)
      ORDER BY f."uploadedAt"
      LIMIT ${limit}
      FOR UPDATE OF f SKIP LOCKED`;
      for (const file of files) {
        await removeSealed(file.storageKey);
        await tx.bidFile.delete({ where: { id: file.id } });
        await recordAuditEvent(tx, {
          actor: null,
          action: "bid.stagedFileExpired",
          entityType: "BidFile",
          entityId: file.id,
          // as when it was staged: the commitment, never a name or content
          data: { tenderId: file.tenderId, vendorId: file.vendorId, part: file.part, commitment: file.commitment },
        });
      }
      return files.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { checked: removed, transitions: [] };
}
