import "server-only";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isMacValid } from "../domain/event-encoding";
import { getAuditMacKey } from "./audit-mac-key";

export interface AuditEventDetail {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  /** the actor's e-mail today, to filter by (null for the system, or a user since removed) */
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** null when withheld: another person's sign-in details are the Auditor's only */
  data: unknown;
  ip: string | null;
  userAgent: string | null;
  isWithheld: boolean;
  /** the MAC checked now with the instance's key: false means the row was changed or forged */
  isMacValid: boolean;
  macHex: string;
  /** the log position once sequenced; null while it waits for the sequencer */
  log: { logIndex: string; leafHash: string; coveredBySignedHead: string | null } | null;
  /** the tender it concerns, by its code: the entity itself or the tender its data names */
  tenderCode: string | null;
}

/**
 * One audit event with every field, for AUDITOR and ADMIN_LPSE (`audit.read`). The LPSE
 * admin reads the trail but not where and from what others sign in: the data, address and
 * browser of another person's `auth.*` event are withheld unless the reader may read any
 * access log (the Auditor; docs/decisions/0038). An unknown seq is NOT_FOUND.
 */
export async function getAuditEvent(actor: Actor, seq: bigint): Promise<AuditEventDetail> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  const event = await db.auditEvent.findUnique({
    where: { seq },
    select: {
      seq: true,
      occurredAt: true,
      actorId: true,
      actorLabel: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      ip: true,
      userAgent: true,
      mac: true,
      logEntry: { select: { logIndex: true, leafHash: true } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND");
  const [macKey, head, actorUser, tenderCode] = await Promise.all([
    getAuditMacKey(),
    event.logEntry
      ? db.auditTreeHead.findFirst({
          where: { treeSize: { gt: event.logEntry.logIndex } },
          orderBy: { treeSize: "asc" },
          select: { treeSize: true },
        })
      : null,
    event.actorId ? db.user.findUnique({ where: { id: event.actorId }, select: { email: true } }) : null,
    findTenderCode(event),
  ]);
  const isAboutOther = event.entityId !== actor.userId && event.actorId !== actor.userId;
  const isWithheld = event.action.startsWith("auth.") && isAboutOther && !can(actor, "accessLog.readAny");
  return {
    seq: event.seq.toString(),
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    actorEmail: actorUser?.email ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: isWithheld ? null : event.data,
    ip: isWithheld ? null : event.ip,
    userAgent: isWithheld ? null : event.userAgent,
    isWithheld,
    isMacValid: isMacValid(macKey, event, event.mac),
    macHex: Buffer.from(event.mac).toString("hex"),
    log: event.logEntry
      ? {
          logIndex: event.logEntry.logIndex.toString(),
          leafHash: Buffer.from(event.logEntry.leafHash).toString("hex"),
          coveredBySignedHead: head?.treeSize.toString() ?? null,
        }
      : null,
    tenderCode,
  };
}

async function findTenderCode(event: { entityType: string; entityId: string; data: unknown }): Promise<string | null> {
  const data = (typeof event.data === "object" && event.data !== null ? event.data : {}) as Record<string, unknown>;
  if (typeof data.tenderCode === "string") return data.tenderCode;
  const tenderId = event.entityType === "Tender" ? event.entityId : data.tenderId;
  if (!isUuid(tenderId)) return null;
  const tender = await db.tender.findUnique({ where: { id: tenderId }, select: { code: true } });
  return tender?.code ?? null;
}
