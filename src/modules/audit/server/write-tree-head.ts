import "server-only";
import { getInstanceKey } from "@/server/instance-key";
import { db, dbNow } from "@/server/db";
import { verifyConsistency } from "../domain/merkle";
import { signTreeHead, type SignedTreeHead } from "../domain/tree-head";
import { consistencyProof, logSize, rootAt } from "./merkle-store";
import { recordAuditEvent, type AuditInput } from "./record-audit-event";
import { BACKGROUND_TX, SEQUENCER_LOCK } from "./sequence-audit-log";
import { appendTreeHeadToFile, readLatestTreeHead } from "./tree-heads-file";

/** How often a growing log gets a new head at most. Configuration, not law. */
export const TREE_HEAD_INTERVAL_MS = 5_000;

/**
 * Signs the log's current size and root with the instance key and appends the head to
 * the heads file (fsynced), then stores a copy for publishing. Without `force`, only when
 * the log grew and the last head is older than the interval. Refuses to sign a tree that
 * does not extend the last head in the file: that would bless a rewritten history.
 */
export async function writeTreeHead({
  force = false,
  actor,
}: { force?: boolean; actor?: AuditInput["actor"] } = {}): Promise<SignedTreeHead | null> {
  const key = await getInstanceKey();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`;
    const size = await logSize(tx);
    const now = await dbNow(tx);
    const last = await readLatestTreeHead();
    if (
      !force &&
      (size === 0n ||
        (last && (last.treeSize === size || now.getTime() - Date.parse(last.timestamp) < TREE_HEAD_INTERVAL_MS)))
    )
      return null;
    const root = await rootAt(tx, size);
    if (last) {
      const extendsLast =
        size >= last.treeSize &&
        verifyConsistency(
          last.treeSize,
          size,
          await consistencyProof(tx, last.treeSize, size),
          Buffer.from(last.rootHash, "hex"),
          root,
        );
      if (!extendsLast)
        throw new Error(
          `audit log of ${size} events does not extend the signed head of ${last.treeSize}; refusing to sign it`,
        );
    }
    const head = signTreeHead(
      { treeSize: size, rootHash: root.toString("hex"), timestamp: now.toISOString() },
      key.privateKey,
    );
    await appendTreeHeadToFile(head);
    await tx.auditTreeHead.create({
      data: {
        treeSize: size,
        rootHash: new Uint8Array(root),
        signedAt: now,
        signature: new Uint8Array(Buffer.from(head.signature, "base64")),
      },
    });
    if (actor) {
      await recordAuditEvent(tx, {
        actor,
        action: "audit.treeHeadSigned",
        entityType: "AuditTreeHead",
        entityId: size.toString(),
        data: { treeSize: size, rootHash: head.rootHash },
      });
    }
    return head;
  }, BACKGROUND_TX);
}
