import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import type { Actor } from "@/modules/auth/domain/permissions";
import { GENESIS_HASH, hashEvent } from "../domain/chain";

export interface AuditInput {
  /** null for the system itself (the schedule worker, the seed) */
  actor: Pick<Actor, "userId" | "name" | "ip" | "userAgent"> | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

// One lock for the whole chain: each event needs the hash of the one before it, so
// writers take turns. The lock is held only until the surrounding transaction ends.
const CHAIN_LOCK = 815_0001;

/**
 * Appends an event to the audit chain. Must be called inside the transaction that makes
 * the change, so the change and its record commit or roll back together.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const [head] = await tx.$queryRaw<{ seq: bigint; now: Date; prev: string | null }[]>`
    SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS seq,
           date_trunc('milliseconds', segel_now()) AS now,
           (SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1) AS prev`;
  const fields = {
    seq: head!.seq,
    occurredAt: head!.now,
    actorId: input.actor?.userId ?? null,
    actorLabel: input.actor?.name ?? "Sistem",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    // Normalise through canonical JSON so what is stored is exactly what was hashed.
    data: JSON.parse(JSON.stringify(input.data ?? {}, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonObject,
    ip: input.actor?.ip ?? null,
    userAgent: input.actor?.userAgent ?? null,
    prevHash: head!.prev ?? GENESIS_HASH,
  };
  const hash = hashEvent(fields);
  await tx.auditEvent.create({ data: { ...fields, hash } });
  return { seq: fields.seq, hash };
}
