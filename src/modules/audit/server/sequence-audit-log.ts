import "server-only";
import { db, type Tx } from "@/server/db";
import { eventLeafHash, isMacValid } from "../domain/event-encoding";
import { appendLeaf, frontierRoot, type Hash } from "../domain/merkle";
import { getAuditMacKey } from "./audit-mac-key";
import { loadFrontier, logSize } from "./merkle-store";

/** Only sequencers (and head signers) take this lock; user transactions never do. */
export const SEQUENCER_LOCK = 815_0002;

/** A background pass may wait for a busy pool and run longer than a request's transaction. */
export const BACKGROUND_TX = { maxWait: 10_000, timeout: 60_000 };

export interface SequencingResult {
  appended: number;
  /** seqs of committed events whose MAC fails: left out of the log, named by the check */
  forged: bigint[];
  treeSize: bigint;
  rootHash: Hash;
}

/**
 * Below `floor` every event that will ever exist is in the log (or forged), so a pass only
 * looks above it. An event's transaction takes its id before its seq
 * (record-audit-event.ts); so once every transaction older than a pass's snapshot has
 * ended, no seq at or below what the sequence had handed out before that snapshot can
 * still appear, and the floor may move up to it. Kept per process; a new process starts
 * at 0 and looks at everything once.
 */
const state: { floor: bigint; pending: { seq: bigint; xmax: bigint } | null } = { floor: 0n, pending: null };

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

async function readSequenceAndSnapshot(tx: Tx) {
  // Two statements on purpose: the snapshot must be taken after the sequence was read.
  const [seq] = await tx.$queryRaw<{ last: bigint | null }[]>`
    SELECT pg_sequence_last_value(pg_get_serial_sequence('"AuditEvent"', 'seq')::regclass) AS last`;
  const [snapshot] = await tx.$queryRaw<{ xmin: string; xmax: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`;
  return { lastSeq: seq!.last ?? 0n, xmin: BigInt(snapshot!.xmin), xmax: BigInt(snapshot!.xmax) };
}

/**
 * Appends committed events not yet in the log, in seq order, after checking each MAC.
 * Called by the worker every tick and on demand. An event that commits after a later
 * seq was sequenced simply joins on a later pass: the log's order is its own.
 */
export async function sequenceAuditLog({ limit = 1000 } = {}): Promise<SequencingResult> {
  const macKey = await getAuditMacKey();
  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`;
    const seen = await readSequenceAndSnapshot(tx);
    const [logged] = await tx.$queryRaw<{ max: bigint | null }[]>`SELECT MAX("eventSeq") AS max FROM "AuditLogEntry"`;
    const maxLogged = logged!.max ?? 0n;
    // The floor never passes the newest logged event; if it does, the tables were
    // emptied under this process (tests): start over.
    const isStale = state.floor > maxLogged;
    let floor = isStale ? 0n : state.floor;
    const settled = !isStale && state.pending && seen.xmin >= state.pending.xmax ? state.pending.seq : null;

    let frontier = await loadFrontier(tx, await logSize(tx));
    const events = await tx.auditEvent.findMany({
      where: { seq: { gt: floor }, logEntry: { is: null } },
      orderBy: { seq: "asc" },
      take: limit,
    });
    const entries: { logIndex: bigint; eventSeq: bigint; leafHash: Uint8Array<ArrayBuffer> }[] = [];
    const nodes: { level: number; idx: bigint; hash: Uint8Array<ArrayBuffer> }[] = [];
    const forged: bigint[] = [];
    for (const event of events) {
      if (!isMacValid(macKey, event, event.mac)) {
        forged.push(event.seq);
        continue;
      }
      const leaf = eventLeafHash(event);
      entries.push({ logIndex: frontier.size, eventSeq: event.seq, leafHash: new Uint8Array(leaf) });
      const step = appendLeaf(frontier, leaf);
      for (const node of step.completed)
        nodes.push({ level: node.level, idx: node.idx, hash: new Uint8Array(node.hash) });
      frontier = step.frontier;
    }
    if (entries.length) await tx.auditLogEntry.createMany({ data: entries });
    if (nodes.length) await tx.auditMerkleNode.createMany({ data: nodes });
    const newestLogged = max(maxLogged, entries[entries.length - 1]?.eventSeq ?? 0n);
    if (settled !== null && events.length < limit) floor = max(floor, min(settled, newestLogged));
    return {
      floor,
      pending: { seq: seen.lastSeq, xmax: seen.xmax },
      appended: entries.length,
      forged,
      treeSize: frontier.size,
      rootHash: frontierRoot(frontier),
    };
  }, BACKGROUND_TX);
  state.floor = outcome.floor;
  state.pending = outcome.pending;
  return { appended: outcome.appended, forged: outcome.forged, treeSize: outcome.treeSize, rootHash: outcome.rootHash };
}
