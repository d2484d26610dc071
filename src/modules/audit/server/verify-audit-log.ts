import "server-only";
import { getInstanceKey } from "@/server/instance-key";
import { db, type Db } from "@/server/db";
import { eventLeafHash, isMacValid, type AuditEventFields } from "../domain/event-encoding";
import { appendLeaf, frontierRoot, rootOfLeaves, verifyConsistency, type Frontier, type Hash } from "../domain/merkle";
import { isTreeHeadSigned, type SignedTreeHead } from "../domain/tree-head";
import { getAuditMacKey } from "./audit-mac-key";
import { consistencyProof } from "./merkle-store";
import { readTreeHeadsFile } from "./tree-heads-file";

/**
 * MISSING_TAIL: the log is shorter than the newest signed head (events were deleted).
 * REWRITTEN: an event covered by a signed head no longer matches its leaf or its MAC, a
 *   log entry is missing from the middle, or the tree's root at a head's size differs.
 * FORGED: an event whose MAC fails (not made by this instance), or a log entry without its event.
 * HEAD_INCONSISTENT: the heads file itself is wrong: a line that is not a head, a bad
 *   signature, heads that do not extend each other, or a tree that cannot prove they do.
 */
export type FindingKind = "MISSING_TAIL" | "REWRITTEN" | "FORGED" | "HEAD_INCONSISTENT";

export interface Finding {
  kind: FindingKind;
  /** the event, when one is named */
  seq: bigint | null;
  /** the position in the log, or the tree size a head claims */
  logIndex: bigint | null;
  treeSize: bigint | null;
}

export interface AuditLogReport {
  ok: boolean;
  /** log entries whose event, MAC and leaf were checked */
  checked: number;
  /** authentic events committed but not yet in the log */
  pending: number;
  latestHead: SignedTreeHead | null;
  findings: Finding[];
}

const BATCH = 1000;
const MAX_FINDINGS = 50;

type EventRow = AuditEventFields & { mac: Uint8Array };
type LogRow = { logIndex: bigint; eventSeq: bigint; leafHash: Uint8Array } & (
  { [K in keyof EventRow]: EventRow[K] } | { [K in keyof EventRow]: null }
);

export interface VerifyAuditOptions {
  /** another copy of the heads file (a backup's), instead of the one beside the instance key */
  headsFile?: string;
  /**
   * Check only the heads the log can already hold (treeSize at most its entries): a
   * restored backup is older than the newest heads, and heads signed after it are not a
   * missing tail. The restore drill's option (docs/decisions/0039).
   */
  headsUpToLogSize?: boolean;
}

/** Checks the audit tables against the heads file beside the instance key, and names what differs. */
export async function verifyAuditLog(client: Db = db, options: VerifyAuditOptions = {}): Promise<AuditLogReport> {
  const [macKey, { publicKey }, file] = await Promise.all([
    getAuditMacKey(),
    getInstanceKey(),
    readTreeHeadsFile(options.headsFile),
  ]);
  if (options.headsUpToLogSize) {
    const rows = await client.$queryRaw<{ size: bigint }[]>`
      SELECT COALESCE(MAX("logIndex") + 1, 0)::bigint AS size FROM "AuditLogEntry"`;
    const size = rows[0]!.size;
    file.heads = file.heads.filter((head) => head.treeSize <= size);
  }
  const findings: Finding[] = [];
  const name = (kind: FindingKind, at: Partial<Omit<Finding, "kind">>) => {
    if (findings.length < MAX_FINDINGS)
      findings.push({ kind, seq: at.seq ?? null, logIndex: at.logIndex ?? null, treeSize: at.treeSize ?? null });
  };

  // 1. The heads, oldest first: each signed by this instance and extending the one before.
  for (const line of file.malformedLines) name("HEAD_INCONSISTENT", { logIndex: BigInt(line) });
  const heads: SignedTreeHead[] = [];
  for (const head of file.heads) {
    const prev = heads[heads.length - 1];
    const shrinks =
      prev && (head.treeSize < prev.treeSize || (head.treeSize === prev.treeSize && head.rootHash !== prev.rootHash));
    if (!isTreeHeadSigned(head, publicKey) || shrinks) name("HEAD_INCONSISTENT", { treeSize: head.treeSize });
    else heads.push(head);
  }
  const latestHead = heads[heads.length - 1] ?? null;
  const signedSize = latestHead?.treeSize ?? 0n;

  // 2. The log, in order: every event authentic, every leaf its event's, every head's root the tree's.
  let frontier: Frontier = { size: 0n, nodes: [] };
  let nextHead = 0;
  const checkHeads = () => {
    for (; nextHead < heads.length && heads[nextHead]!.treeSize <= frontier.size; nextHead++) {
      const head = heads[nextHead]!;
      if (head.treeSize < frontier.size) continue; // passed over after a gap: named already
      const root = frontier.size === 0n ? rootOfLeaves([]) : frontierRoot(frontier);
      if (root.toString("hex") !== head.rootHash) name("REWRITTEN", { treeSize: head.treeSize });
    }
  };
  checkHeads();
  let checked = 0;
  for (let after = -1n; ;) {
    const rows = await client.$queryRaw<LogRow[]>`
      SELECT l."logIndex", l."eventSeq", l."leafHash", e.seq, e."occurredAt", e."actorId", e."actorLabel", e.action,
             e."entityType", e."entityId", e.data, e.ip, e."userAgent", e.mac
      FROM "AuditLogEntry" l LEFT JOIN "AuditEvent" e ON e.seq = l."eventSeq"
      WHERE l."logIndex" > ${after} ORDER BY l."logIndex" LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.logIndex !== frontier.size) {
        name("REWRITTEN", { logIndex: frontier.size });
        frontier = { size: row.logIndex, nodes: [] };
        nextHead = heads.length; // no root can be recomputed past a hole
      }
      let leaf: Hash = Buffer.from(row.leafHash);
      if (row.seq === null) name("FORGED", { seq: row.eventSeq, logIndex: row.logIndex });
      else {
        leaf = eventLeafHash(row);
        if (!isMacValid(macKey, row, row.mac))
          name(row.logIndex < signedSize ? "REWRITTEN" : "FORGED", { seq: row.seq, logIndex: row.logIndex });
        else if (!leaf.equals(row.leafHash)) name("REWRITTEN", { seq: row.seq, logIndex: row.logIndex });
        checked += 1;
      }
      if (frontier.nodes.length || frontier.size === 0n) frontier = appendLeaf(frontier, leaf).frontier;
      else frontier = { size: frontier.size + 1n, nodes: [] };
      checkHeads();
    }
    after = rows[rows.length - 1]!.logIndex;
  }
  if (frontier.size < signedSize) name("MISSING_TAIL", { logIndex: frontier.size, treeSize: signedSize });

  // 3. Consecutive heads, as a monitor checks them: a consistency proof from the stored tree.
  if (findings.length === 0) {
    for (let i = 1; i < heads.length; i++) {
      const [a, b] = [heads[i - 1]!, heads[i]!];
      if (a.treeSize === b.treeSize) continue;
      const proof = await consistencyProof(client, a.treeSize, b.treeSize).catch(() => null);
      if (
        !proof ||
        !verifyConsistency(
          a.treeSize,
          b.treeSize,
          proof,
          Buffer.from(a.rootHash, "hex"),
          Buffer.from(b.rootHash, "hex"),
        )
      ) {
        name("HEAD_INCONSISTENT", { treeSize: b.treeSize });
      }
    }
  }

  // 4. Events not yet in the log: authentic ones wait for the sequencer, others are forged.
  let pending = 0;
  for (let after = 0n; ;) {
    const events = await client.auditEvent.findMany({
      where: { seq: { gt: after }, logEntry: { is: null } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (events.length === 0) break;
    for (const event of events) {
      if (isMacValid(macKey, event, event.mac)) pending += 1;
      else name("FORGED", { seq: event.seq });
    }
    after = events[events.length - 1]!.seq;
  }

  return { ok: findings.length === 0, checked, pending, latestHead, findings };
}
