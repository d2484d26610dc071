import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { OutageCause, OutageScope, ProcessRole } from "../domain/enums";

export interface LedgerEntry {
  id: string;
  cause: OutageCause;
  scope: OutageScope;
  /** the silent role of a heartbeat gap */
  role: ProcessRole | null;
  startsAt: Date;
  /** null: a declared incident still going on */
  endsAt: Date | null;
  description: string | null;
  /** the name of the ADMIN_LPSE who declared it */
  declaredBy: string | null;
  maintenanceId: string | null;
  recordedAt: Date;
  compensatedAt: Date | null;
}

/** Where the next page starts: the last entry of this one. */
export interface LedgerCursor {
  startsAt: Date;
  id: string;
}

export const LEDGER_PAGE_MAX = 200;

/**
 * The availability ledger (docs/decisions/0040), newest first: every outage that overlaps
 * [from, to) when a period is given (an ongoing incident overlaps every period after its
 * start). Keyset pages by (startsAt, id), at most LEDGER_PAGE_MAX rows each: the ledger
 * only grows. Read by /admin/gangguan and the public status page.
 */
export async function findLedger(
  options: { from?: Date; to?: Date; after?: LedgerCursor | null; limit?: number } = {},
): Promise<{ entries: LedgerEntry[]; next: LedgerCursor | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), LEDGER_PAGE_MAX);
  const and: Prisma.OutageWhereInput[] = [];
  if (options.to) and.push({ startsAt: { lt: options.to } });
  if (options.from) and.push({ OR: [{ endsAt: null }, { endsAt: { gt: options.from } }] });
  if (options.after)
    and.push({
      OR: [
        { startsAt: { lt: options.after.startsAt } },
        { startsAt: options.after.startsAt, id: { lt: options.after.id } },
      ],
    });
  const rows = await db.outage.findMany({
    where: { AND: and },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      cause: true,
      scope: true,
      role: true,
      startsAt: true,
      endsAt: true,
      description: true,
      maintenanceId: true,
      recordedAt: true,
      compensatedAt: true,
      declaredBy: { select: { name: true } },
    },
  });
  const entries = rows
    .slice(0, limit)
    .map(({ declaredBy, ...row }) => ({ ...row, declaredBy: declaredBy?.name ?? null }));
  const last = entries.at(-1);
  return { entries, next: rows.length > limit && last ? { startsAt: last.startsAt, id: last.id } : null };
}

/** The ledger as /admin/gangguan shows it: ADMIN_LPSE, who declares and ends incidents. */
export async function findLedgerForAdmin(
  actor: Actor,
  options: { after?: LedgerCursor | null; limit?: number } = {},
): ReturnType<typeof findLedger> {
  if (!can(actor, "incident.declare")) throw new AppError("FORBIDDEN");
  return findLedger(options);
}
