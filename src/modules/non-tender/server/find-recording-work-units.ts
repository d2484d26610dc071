import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The work units (satker) for which the actor may record a non-tender procurement, and
 * the latest "today" among their agencies' zones by the database clock: the form's
 * date picker stops there (the use case checks each agency's own day).
 */
export async function findRecordingWorkUnits(actor: Actor) {
  const agencyIds = agenciesFor(actor, "nonTender.record");
  if (agencyIds.length === 0) throw new AppError("FORBIDDEN");
  const rows = await db.workUnit.findMany({
    where: { agencyId: { in: agencyIds } },
    orderBy: [{ agency: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, code: true, agency: { select: { name: true, timeZone: true } } },
  });
  const zones = [...new Set(rows.map((w) => w.agency.timeZone))];
  const [clock] = await db.$queryRaw<{ today: string | null }[]>`
    SELECT max(to_char(segel_now() AT TIME ZONE z, 'YYYY-MM-DD')) AS today FROM unnest(${zones}::text[]) AS z`;
  return {
    workUnits: rows.map((w) => ({ id: w.id, label: `${w.agency.name} — ${w.name} (${w.code})` })),
    today: clock?.today ?? null,
  };
}
