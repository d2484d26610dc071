import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import type { Actor } from "@/modules/auth/domain";
import { eventMac } from "../domain/event-encoding";
import { getAuditMacKey } from "./audit-mac-key";

export interface AuditInput {
  /** null for the system itself (the schedule worker, the seed) */
  actor: Pick<Actor, "userId" | "name" | "ip" | "userAgent"> | null;
  /** who acted when actor is null and it was not the system itself, e.g. "segel admin create (CLI)" */
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/**
 * Records an event with its MAC. Must be called inside the transaction that makes the
 * change, so the change and its record commit or roll back together. It takes no lock:
 * the sequencer appends the event to the transparency log after the commit
 * (sequence-audit-log.ts, docs/decisions/0008).
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<{ seq: bigint }> {
  const macKey = await getAuditMacKey();
  // pg_current_xact_id() runs first (OFFSET 0 keeps the subquery apart), so this
  // transaction has its id before it takes a seq: the sequencer's floor relies on that.
  const [head] = await tx.$queryRaw<{ seq: bigint; now: Date }[]>`
    SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS seq,
           date_trunc('milliseconds', segel_now()) AS now
    FROM (SELECT pg_current_xact_id() OFFSET 0) AS xact`;
  const fields = {
    seq: head!.seq,
    occurredAt: head!.now,
    // PostgreSQL hands a uuid back in lower case; the MAC must cover what it hands back.
    actorId: input.actor?.userId.toLowerCase() ?? null,
    actorLabel: input.actor?.name ?? input.actorLabel ?? "Sistem",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    // Normalise through JSON so what is stored is exactly what the MAC covers.
    data: JSON.parse(
      JSON.stringify(input.data ?? {}, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    ) as Prisma.InputJsonObject,
    ip: input.actor?.ip ?? null,
    userAgent: input.actor?.userAgent ?? null,
  };
  await tx.auditEvent.create({ data: { ...fields, mac: new Uint8Array(eventMac(macKey, fields)) } });
  return { seq: fields.seq };
}
