import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { isSafeText } from "@/lib/safe-text";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  incidentPeriodProblems,
  INCIDENT_DESCRIPTION_MAX,
  INCIDENT_DESCRIPTION_MIN,
  INCIDENT_MAX_AGE_DAYS,
} from "../domain/incident";
import type { DeclareIncidentInput } from "../incident.schemas";

/**
 * ADMIN_LPSE declares an incident (docs/decisions/0040): a period and a scope the portal
 * (or a part of it) was not usable, with a description. It is public (/status) and, once it
 * has an end, the compensation pass gives the time back like a recorded gap. The period is
 * checked against the database clock here, where it is written.
 */
export async function declareIncident(actor: Actor, input: DeclareIncidentInput): Promise<{ id: string }> {
  if (!can(actor, "incident.declare")) throw new AppError("FORBIDDEN");
  const description = input.description.trim();
  if (
    !isSafeText(description) ||
    description.length < INCIDENT_DESCRIPTION_MIN ||
    description.length > INCIDENT_DESCRIPTION_MAX
  )
    throw new AppError("VALIDATION", "VALIDATION", {}, { description: ["incident.descriptionLength"] });
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const problems = incidentPeriodProblems(input, now);
    if (Object.keys(problems).length > 0)
      throw new AppError("VALIDATION", "VALIDATION", { days: INCIDENT_MAX_AGE_DAYS }, problems);
    const outage = await tx.outage.create({
      data: {
        cause: "DECLARED",
        scope: input.scope,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        description,
        declaredById: actor.userId,
        recordedAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.declared",
      entityType: "Outage",
      entityId: outage.id,
      data: {
        scope: input.scope,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt?.toISOString() ?? null,
        description,
      },
    });
    return outage;
  });
}
