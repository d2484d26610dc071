/**
 * A declared incident's rules (docs/decisions/0040): ADMIN_LPSE declares what a heartbeat
 * cannot see (uploads failing, signing in failing) or explains a silence. It is a record of
 * what happened: it starts in the past, ends after it starts and not in the future, or is
 * still going on (no end yet).
 */
export const INCIDENT_DESCRIPTION_MIN = 10;
export const INCIDENT_DESCRIPTION_MAX = 2000;

/**
 * How far back a declaration may start (configuration, not law): the compensation reaches
 * every running stage the period overlaps, so an old or endless period written by mistake
 * would move deadlines of tenders it never touched. A month covers a late declaration of a
 * long failure (Pacitan's four days) with room to spare.
 */
export const INCIDENT_MAX_AGE_DAYS = 30;

export type IncidentField = "startsAt" | "endsAt";

/** Keys of errors.json ("incident.*") per field; empty when the period is acceptable. */
export function incidentPeriodProblems(
  { startsAt, endsAt }: { startsAt: Date; endsAt: Date | null },
  now: Date,
): Partial<Record<IncidentField, string[]>> {
  const problems: Partial<Record<IncidentField, string[]>> = {};
  if (startsAt.getTime() > now.getTime()) problems.startsAt = ["incident.startInFuture"];
  else if (now.getTime() - startsAt.getTime() > INCIDENT_MAX_AGE_DAYS * 86_400_000)
    problems.startsAt = ["incident.startTooOld"];
  if (endsAt) {
    if (endsAt.getTime() <= startsAt.getTime()) problems.endsAt = ["incident.endBeforeStart"];
    else if (endsAt.getTime() > now.getTime()) problems.endsAt = ["incident.endInFuture"];
  }
  return problems;
}

/** The end set on an ongoing incident: after its start and not in the future. */
export function incidentEndProblem(startsAt: Date, endsAt: Date, now: Date): string | null {
  if (endsAt.getTime() <= startsAt.getTime()) return "incident.endBeforeStart";
  if (endsAt.getTime() > now.getTime()) return "incident.endInFuture";
  return null;
}
