import { createHash } from "node:crypto";

/** prevHash of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
}

/**
 * Canonical JSON: object keys sorted, bigint as a decimal string, Date as ISO 8601.
 * The same event always encodes to the same bytes, whatever order its keys were built in.
 */
export function canonicalize(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number in audit data");
  return JSON.stringify(value);
}

export function hashEvent(fields: ChainedFields): string {
  return createHash("sha256").update(canonicalize(fields)).digest("hex");
}

export interface StoredEvent extends ChainedFields {
  hash: string;
}

export type ChainBreak = { seq: bigint; reason: "PREV_HASH_MISMATCH" | "HASH_MISMATCH" };

/**
 * Checks a run of events in seq order. `expectedPrev` is the hash the first event must
 * point at (GENESIS_HASH for the start of the chain). Returns the first broken link.
 */
export function findChainBreak(
  events: Iterable<StoredEvent>,
  expectedPrev: string,
): { brokenAt: ChainBreak | null; lastHash: string; checked: number } {
  let prev = expectedPrev;
  let checked = 0;
  for (const event of events) {
    if (event.prevHash !== prev) return { brokenAt: { seq: event.seq, reason: "PREV_HASH_MISMATCH" }, lastHash: prev, checked };
    const { hash, ...fields } = event;
    if (hashEvent(fields) !== hash) return { brokenAt: { seq: event.seq, reason: "HASH_MISMATCH" }, lastHash: prev, checked };
    prev = hash;
    checked += 1;
  }
  return { brokenAt: null, lastHash: prev, checked };
}
