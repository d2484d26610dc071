import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface AuditEventRow {
  /** bigint in the database; a string here so it can cross into client components */
  seq: string;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
}

export interface AuditPage {
  events: AuditEventRow[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Audit events, newest first, a page at a time. Only AUDITOR and ADMIN_LPSE may read them. */
export async function findAuditEvents(
  actor: Actor,
  options: { page?: number; pageSize?: number } = {},
): Promise<AuditPage> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  const pageSize = Math.min(Math.max(options.pageSize ?? AUDIT_PAGE_SIZE, 1), 100);
  const page = Math.max(Math.floor(options.page ?? 1), 1);
  const [total, rows] = await Promise.all([
    db.auditEvent.count(),
    db.auditEvent.findMany({
      orderBy: { seq: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      // The data payload, ip and user agent stay on the detail view (not built yet).
      select: { seq: true, occurredAt: true, actorLabel: true, action: true, entityType: true, entityId: true },
    }),
  ]);
  return {
    events: rows.map((row) => ({ ...row, seq: row.seq.toString() })),
    page,
    pageSize,
    total,
    pageCount: Math.max(Math.ceil(total / pageSize), 1),
  };
}
