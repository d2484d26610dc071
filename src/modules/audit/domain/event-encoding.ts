import { createHmac, timingSafeEqual } from "node:crypto";
import { leafHash, type Hash } from "./merkle";

/** The fields of an audit event that its MAC and its log leaf cover. */
export interface AuditEventFields {
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

/** The bytes both the MAC and the log leaf are computed over. Extra keys (mac, hash) are ignored. */
export function eventBytes(event: AuditEventFields): Buffer {
  const { seq, occurredAt, actorId, actorLabel, action, entityType, entityId, data, ip, userAgent } = event;
  return Buffer.from(
    canonicalize({ seq, occurredAt, actorId, actorLabel, action, entityType, entityId, data, ip, userAgent }),
    "utf8",
  );
}

export function eventMac(key: Uint8Array, event: AuditEventFields): Buffer {
  return createHmac("sha256", key).update(eventBytes(event)).digest();
}

export function isMacValid(key: Uint8Array, event: AuditEventFields, mac: Uint8Array): boolean {
  const expected = eventMac(key, event);
  return mac.length === expected.length && timingSafeEqual(expected, mac);
}

/** RFC 9162 leaf: SHA-256(0x00 || canonical event bytes). */
export function eventLeafHash(event: AuditEventFields): Hash {
  return leafHash(eventBytes(event));
}
