import { fromZonedLocal } from "@/lib/zoned-time";

/** The audit trail's filters, each narrowing the others (docs/decisions/0038). */
export interface AuditFilter {
  /** a tender's code: its own events and those that name it (bids, files, questions, sanggah) */
  tender?: string;
  entityType?: string;
  entityId?: string;
  /** part of a name, or a whole e-mail address, of the person who acted */
  actor?: string;
  /** an exact action ("auth.signIn") or an area ("auth" or "auth.": every auth.* action) */
  action?: string;
  /** days in the viewer's time zone, both included (YYYY-MM-DD) */
  from?: string;
  to?: string;
}

export const AUDIT_FILTER_KEYS = ["tender", "entityType", "entityId", "actor", "action", "from", "to"] as const;

/** An exact action, or the area whose every action it names. */
export function actionMatch(action: string): { exact: string } | { prefix: string } {
  if (action.endsWith(".")) return { prefix: action };
  return action.includes(".") ? { exact: action } : { prefix: `${action}.` };
}

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD. */
function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The instants a day range covers in a time zone: from the start of `from` to the start of
 * the day after `to` (exclusive), so "1 to 1 December" in WIT is one whole day in Jayapura.
 * null for a date that does not exist.
 */
export function dayRange(
  range: { from?: string; to?: string },
  timeZone: string,
): { from: Date | null; to: Date | null } | null {
  const from = range.from ? fromZonedLocal(`${range.from}T00:00`, timeZone) : null;
  const to = range.to ? fromZonedLocal(`${nextDay(range.to)}T00:00`, timeZone) : null;
  if ((range.from && !from) || (range.to && !to)) return null;
  return { from, to };
}

export function hasAuditFilter(filter: AuditFilter): boolean {
  return AUDIT_FILTER_KEYS.some((key) => filter[key] !== undefined);
}
