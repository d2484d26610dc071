import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { notifyTenderParticipants } from "@/modules/notifications";
import { scheduleCompensatedMessage } from "@/modules/notifications/domain";
import { applyStageMoves, applyTenderEvent, describeMove, loadStages } from "@/modules/tenders";
import { compensatedStep, isBeforeOpening, SCHEDULED_STATUSES } from "@/modules/tenders/domain";
import idCommon from "@/i18n/messages/id/common.json";
import type { AvailabilitySettings } from "@/server/availability-settings";
import { dbNow, type Tx } from "@/server/db";
import { planCompensation, type Interval } from "../domain/compensation-rule";
import { compensationReason, outageInterval } from "../domain/compensation-text";
import type { OutageCause, OutageScope } from "../domain/enums";
import type { MaintenancePeriod } from "../domain/maintenance";

export interface ClosedOutage {
  id: string;
  cause: OutageCause;
  scope: OutageScope;
  startsAt: Date;
  endsAt: Date;
}

const stageLabel = (kind: string) => (idCommon.stage as Record<string, string>)[kind] ?? kind;
const iso = (d: Date) => d.toISOString();

/**
 * Gives one tender the time one outage took from it, in the caller's transaction, under the
 * tender's row lock (so the web's pass and the worker's cannot both give it): the stages
 * that already have a compensation for this outage are skipped (unique outage+stage), the
 * rest planned by the rule, moved like a Pokja's later end (public ScheduleChange with the
 * reason), recorded as Compensation rows, the lifecycle recomputed, audited and announced
 * to the participants. If the moves would need an opened tender back in PUBLISHED, nothing
 * moves and the refusal is audited once. Returns the number of compensations written.
 */
export async function compensateTender(
  tx: Tx,
  outage: ClosedOutage,
  tenderId: string,
  settings: Pick<AvailabilitySettings, "compensationUnitMinutes" | "compensationLeadHours">,
  maintenance: readonly MaintenancePeriod[],
): Promise<number> {
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      openedAt: true,
      nextCheckAt: true,
      currentStage: true,
      procedure: { select: { compensationMinHours: true, compensationMinBasis: true } },
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
    },
  });
  if (!(SCHEDULED_STATUSES as readonly string[]).includes(tender.status)) return 0;
  if (await alreadyRefused(tx, tenderId, outage.id)) return 0;

  const stages = await loadStages(tx, tenderId);
  const earlier = await tx.compensation.findMany({
    where: { tenderId },
    select: { stageId: true, outageId: true, outage: { select: { startsAt: true, endsAt: true } } },
  });
  const done = new Set(earlier.filter((c) => c.outageId === outage.id).map((c) => c.stageId));
  const covered = new Map<string, Interval[]>();
  for (const c of earlier) {
    if (c.outageId === outage.id || !c.outage.endsAt) continue;
    covered.set(c.stageId, [
      ...(covered.get(c.stageId) ?? []),
      { startsAt: c.outage.startsAt, endsAt: c.outage.endsAt },
    ]);
  }
  const input = {
    outage,
    stages,
    covered,
    maintenance,
    figures: {
      unitMinutes: settings.compensationUnitMinutes,
      leadHours: settings.compensationLeadHours,
      minHours: tender.procedure.compensationMinHours,
    },
  };
  // once the bids are opened the time before the opening is closed for good: an outage over
  // the bid window gives it nothing back (audited), while a later stage (the sanggah) still gets its time
  const closed = new Set(tender.openedAt ? stages.filter((s) => isBeforeOpening(s.kind)).map((s) => s.id) : []);
  const plan = planCompensation({ ...input, done: new Set([...done, ...closed]) });
  const refused = closed.size
    ? planCompensation({ ...input, done }).decisions.filter((d) => closed.has(d.stage.id))
    : [];

  const now = await dbNow(tx);
  const moved = new Map(plan.moves.map((m) => [m.stage.id, m]));
  const after = stages.map((s) => ({
    ...s,
    ...(moved.get(s.id) && { startsAt: moved.get(s.id)!.startsAt, endsAt: moved.get(s.id)!.endsAt }),
  }));
  const timeZone = tender.paket.agency.timeZone;
  const decisions = plan.decisions.map((d) => ({
    stageId: d.stage.id,
    stage: d.stage.kind,
    lostSeconds: d.lostSeconds,
    extensionSeconds: d.extensionSeconds,
    oldEndsAt: iso(d.oldEndsAt),
    newEndsAt: iso(d.newEndsAt),
  }));
  const outageData = {
    outageId: outage.id,
    cause: outage.cause,
    scope: outage.scope,
    startsAt: iso(outage.startsAt),
    endsAt: iso(outage.endsAt),
  };

  if (refused.length > 0 || plan.decisions.length === 0) {
    if (refused.length > 0)
      await recordAuditEvent(tx, {
        actor: null,
        action: "tender.compensationNotApplied",
        entityType: "Tender",
        entityId: tenderId,
        data: {
          ...outageData,
          tenderCode: tender.code,
          reason: "tenderAlreadyOpened",
          openedAt: tender.openedAt?.toISOString() ?? null,
          planned: refused.map((d) => ({ stageId: d.stage.id, stage: d.stage.kind, lostSeconds: d.lostSeconds })),
        },
      });
    if (plan.decisions.length === 0) return 0;
  }

  const step = compensatedStep(tender, after, now);
  if (!step.ok) {
    // an opened bid cannot be sealed again: the bid window may not reopen (decision 0040)
    await recordAuditEvent(tx, {
      actor: null,
      action: "tender.compensationNotApplied",
      entityType: "Tender",
      entityId: tenderId,
      data: {
        ...outageData,
        tenderCode: tender.code,
        reason: step.key,
        openedAt: tender.openedAt?.toISOString() ?? null,
        planned: decisions,
      },
    });
    return 0;
  }

  const reason = compensationReason(outage, timeZone);
  await applyStageMoves(tx, tenderId, stages, plan.moves, { reason, changedById: null, changedAt: now });
  await tx.compensation.createMany({
    data: plan.decisions.map((d) => ({
      outageId: outage.id,
      tenderId,
      stageId: d.stage.id,
      stageKind: d.stage.kind,
      lostSeconds: d.lostSeconds,
      extensionSeconds: d.extensionSeconds,
      oldEndsAt: d.oldEndsAt,
      newEndsAt: d.newEndsAt,
      createdAt: now,
    })),
  });
  const applied = await applyTenderEvent(tx, tenderId, { kind: "compensated" }, { actor: null, now });
  await recordAuditEvent(tx, {
    actor: null,
    action: "tender.scheduleCompensated",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      ...outageData,
      tenderCode: tender.code,
      reason,
      minHours: tender.procedure.compensationMinHours,
      minBasis: tender.procedure.compensationMinBasis,
      unitMinutes: settings.compensationUnitMinutes,
      leadHours: settings.compensationLeadHours,
      compensations: decisions,
      moved: plan.moves.map(describeMove),
      fromStatus: tender.status,
      toStatus: applied.status,
      nextCheckAt: applied.nextCheckAt?.toISOString() ?? null,
    },
  });
  const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone };
  await notifyTenderParticipants(
    tx,
    tenderId,
    scheduleCompensatedMessage(
      ref,
      outageInterval(outage, timeZone),
      plan.decisions.map((d) => ({
        stageLabel: stageLabel(d.stage.kind),
        hours: Math.round((d.extensionSeconds / 3600) * 100) / 100,
        newEndsAt: d.newEndsAt,
      })),
    ),
  );
  return plan.decisions.length;
}

/** The refusal is audited once per outage and tender, whatever the number of passes. */
async function alreadyRefused(tx: Tx, tenderId: string, outageId: string): Promise<boolean> {
  const found = await tx.auditEvent.findFirst({
    where: {
      entityType: "Tender",
      entityId: tenderId,
      action: "tender.compensationNotApplied",
      data: { path: ["outageId"], equals: outageId },
    },
    select: { seq: true },
  });
  return found !== null;
}
