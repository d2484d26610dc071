import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { incidentEndProblem } from "../domain/incident";
import type { EndIncidentInput } from "../incident.schemas";

/**
 * ADMIN_LPSE sets the end of a declared incident still going on (docs/decisions/0040): at the
 * time given, or now. Only once: an ended incident is history (its compensation may already
 * have been given), so a second end is refused, not a correction.
 */
export async function endIncident(actor: Actor, input: EndIncidentInput): Promise<{ endsAt: Date }> {
  if (!can(actor, "incident.declare")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ cause: string; startsAt: Date; endsAt: Date | null }[]>`
      SELECT "cause"::text AS cause, "startsAt", "endsAt" FROM "Outage" WHERE id = ${input.outageId}::uuid FOR UPDATE`;
    if (!row || row.cause !== "DECLARED") throw new AppError("NOT_FOUND", "incident.notFound");
    if (row.endsAt) throw new AppError("INVALID_STATE", "incident.alreadyEnded");
    const now = await dbNow(tx);
    const endsAt = input.endsAt ?? now;
    const problem = incidentEndProblem(row.startsAt, endsAt, now);
    if (problem) throw new AppError("VALIDATION", "VALIDATION", {}, { endsAt: [problem] });
    await tx.outage.update({ where: { id: input.outageId }, data: { endsAt } });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.ended",
      entityType: "Outage",
      entityId: input.outageId,
      data: { startsAt: row.startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return { endsAt };
  });
}
