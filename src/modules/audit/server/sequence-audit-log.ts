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
 * (record-audit-event.ts), and a pass takes an id of its own after reading the sequence
 * (`bound`): every seq read was taken by a transaction whose id is below `bound`. Once the
 * oldest running id (a later pass's snapshot xmin) is at or above `bound`, those have all
 * ended, no seq at or below the one read can still appear, and the floor may move up to it.
 * Not the snapshot's xmax: that is the newest *completed* id plus one, so a transaction that
 * took its id and seq and is still running can sit at or above it (found by stop 26's CI:
 * the floor passed an event whose transaction was still open, and it was never logged).
 * Kept per process; a new process starts
 * at 0 and looks at everything once. `size` is the log's size after the last pass: the log
 * only grows, so a smaller one means the tables were emptied and the sequence restarted
 * under this process (tests; a restore), and the remembered seqs belong to the old numbering.
 */
const state: { floor: bigint; size: bigint; pending: { seq: bigint; bound: bigint } | null } = {
  floor: 0n,
  size: 0n,
  pending: null,
};

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

async function readSequenceAndSnapshot(tx: Tx) {
  // Two statements on purpose: this pass's own id must be taken after the sequence was read.
  const [seq] = await tx.$queryRaw<{ last: bigint | null }[]>`
    SELECT pg_sequence_last_value(pg_get_serial_sequence('"AuditEvent"', 'seq')::regclass) AS last`;
  const [ids] = await tx.$queryRaw<{ xmin: string; bound: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_current_xact_id()::text AS bound`;
  return { lastSeq: seq!.last ?? 0n, xmin: BigInt(ids!.xmin), bound: BigInt(ids!.bound) };
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
    const size = await logSize(tx);
    // The floor never passes the newest logged event, and the log never shrinks; if either
    // happened, the tables were emptied under this process (tests): start over. Settling a
    // seq remembered from before would put the floor above the new numbering's events.
    const isStale = state.floor > maxLogged || size < state.size;
    let floor = isStale ? 0n : state.floor;
    const settled = !isStale && state.pending && seen.xmin >= state.pending.bound ? state.pending.seq : null;

    let frontier = await loadFrontier(tx, size);
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
      pending: { seq: seen.lastSeq, bound: seen.bound },
      appended: entries.length,
      forged,
      treeSize: frontier.size,
      rootHash: frontierRoot(frontier),
    };
  }, BACKGROUND_TX);
  state.floor = outcome.floor;
  state.size = outcome.treeSize;
  state.pending = outcome.pending;
  return { appended: outcome.appended, forged: outcome.forged, treeSize: outcome.treeSize, rootHash: outcome.rootHash };
}
