import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { readAvailabilitySettings } from "@/server/availability-settings";
import type { ProcessRole } from "../domain/enums";

/** Which process beats: one web server or worker, as it started. */
export interface BeatingProcess {
  host: string;
  pid: number;
  startedAt: Date;
}

export interface RecordedGap {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

// A process row not beaten for a day belongs to a process long gone (configuration, not law).
const PRUNE_AFTER = "1 day";

export const heartbeatId = (role: ProcessRole, p: BeatingProcess) =>
  `${role}:${p.host}:${p.pid}:${p.startedAt.getTime()}`;

/**
 * One heartbeat of one process (docs/decisions/0040), in one transaction on the database
 * clock: the process's own row, then the role's AvailabilityBeat under its row lock. When the
 * role's last beat is older than gapSeconds, the silence is an Outage (cause UNKNOWN, scope
 * INSTANCE) with its audit event. The lock makes a gap recorded once however many processes
 * of the role beat after it, at once or one by one: the second finds the first's beat. The
 * first beat ever of a role records nothing: there was no portal before it.
 */
export async function recordHeartbeat(
  role: ProcessRole,
  beating: BeatingProcess,
  options: { gapSeconds?: number } = {},
): Promise<{ outage: RecordedGap | null }> {
  const gapSeconds = options.gapSeconds ?? readAvailabilitySettings().gapSeconds;
  return db.$transaction(async (tx) => {
    // The first beat of a role creates its row; a concurrent first beat waits on the insert and then finds it.
    const created = await tx.$executeRaw`
      INSERT INTO "AvailabilityBeat" ("role", "lastBeatAt")
      VALUES (${role}::"ProcessRole", date_trunc('milliseconds', segel_now()))
      ON CONFLICT ("role") DO NOTHING`;
    const [beat] = await tx.$queryRaw<{ lastBeatAt: Date }[]>`
      SELECT "lastBeatAt" FROM "AvailabilityBeat" WHERE "role" = ${role}::"ProcessRole" FOR UPDATE`;
    // the clock is read once the lock is held, so a beat that waited reads the clock as it now is
    const now = await dbNow(tx);
    const id = heartbeatId(role, beating);
    await tx.processHeartbeat.upsert({
      where: { id },
      create: { id, role, host: beating.host, pid: beating.pid, startedAt: beating.startedAt, beatAt: now },
      update: { beatAt: now },
    });
    let outage: RecordedGap | null = null;
    if (created === 0) {
      const last = beat!.lastBeatAt;
      if (now.getTime() - last.getTime() > gapSeconds * 1000) {
        const row = await tx.outage.create({
          data: { cause: "UNKNOWN", scope: "INSTANCE", role, startsAt: last, endsAt: now, recordedAt: now },
          select: { id: true, startsAt: true, endsAt: true },
        });
        outage = { id: row.id, startsAt: row.startsAt, endsAt: row.endsAt! };
        await recordAuditEvent(tx, {
          actor: null,
          action: "availability.downtimeRecorded",
          entityType: "Outage",
          entityId: row.id,
          data: {
            role,
            startsAt: last.toISOString(),
            endsAt: now.toISOString(),
            seconds: Math.round((now.getTime() - last.getTime()) / 1000),
            gapSeconds,
          },
        });
      }
    }
    // never moves the last beat back (a clock read before another beat's commit)
    await tx.$executeRaw`
      UPDATE "AvailabilityBeat" SET "lastBeatAt" = GREATEST("lastBeatAt", ${now})
      WHERE "role" = ${role}::"ProcessRole"`;
    await tx.$executeRaw`
      DELETE FROM "ProcessHeartbeat" WHERE "beatAt" < ${now}::timestamptz - ${PRUNE_AFTER}::interval`;
    return { outage };
  });
}
