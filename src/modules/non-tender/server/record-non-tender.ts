import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { recordNonTenderRelease } from "@/modules/open-data";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { findNonTenderProblem } from "../domain/non-tender-rules";
import type { RecordNonTenderInput } from "../non-tender.schemas";

/**
 * A PPK or Pejabat Pengadaan records a procurement done outside the system, for a work
 * unit of their own agency. The realisation day may not lie in the future, judged by the
 * database clock in the agency's own zone (a Jayapura day starts two hours before Jakarta's).
 */
export async function recordNonTender(actor: Actor, input: RecordNonTenderInput): Promise<{ id: string }> {
  if (!can(actor, "nonTender.record")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const workUnit = await tx.workUnit.findUnique({
      where: { id: input.workUnitId },
      select: { id: true, agencyId: true, agency: { select: { timeZone: true } } },
    });
    if (!workUnit || !can(actor, "nonTender.record", { agencyId: workUnit.agencyId })) throw new AppError("NOT_FOUND");
    const timeZone = workUnit.agency.timeZone;
    // The day starts at local midnight, stored as that instant; "today" by the database.
    const [clock] = await tx.$queryRaw<{ realizedOn: Date; today: string; now: Date }[]>`
      SELECT (${input.realizedOn}::date::timestamp AT TIME ZONE ${timeZone}) AS "realizedOn",
             to_char(segel_now() AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS today,
             date_trunc('milliseconds', segel_now()) AS now`;
    const problem = findNonTenderProblem({
      reason: input.reason,
      value: input.value,
      realizedOn: input.realizedOn,
      today: clock!.today,
    });
    if (problem) throw new AppError("VALIDATION", problem);
    const record = await tx.nonTenderRecord.create({
      data: {
        agencyId: workUnit.agencyId,
        workUnitId: workUnit.id,
        rupCode: input.rupCode ?? null,
        name: input.name,
        category: input.category,
        kind: input.kind,
        reason: input.reason.trim(),
        value: input.value,
        vendorName: input.vendorName,
        realizedOn: clock!.realizedOn,
        recordedById: actor.userId,
        recordedAt: clock!.now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "nonTender.recorded",
      entityType: "NonTenderRecord",
      entityId: record.id,
      data: {
        agencyId: workUnit.agencyId,
        workUnitId: workUnit.id,
        kind: input.kind,
        value: input.value,
        realizedOn: input.realizedOn,
      },
    });
    // its OCDS release: the procurement had ended, so tender, award and contract at once
    await recordNonTenderRelease(tx, record.id, clock!.now);
    return record;
  });
}
