import type { StatusView } from "./get-status";

/**
 * The JSON form of /status (/api/status), for monitoring systems. The shape is stable: a new
 * field may be added, none is renamed or removed without a new `version`. Times are ISO 8601
 * with the LPSE's offset ("2026-12-07T10:00:00.000+07:00"), durations are whole seconds,
 * percentages numbers with two decimals. Documented in docs/decisions/0040 and README.
 */
export const STATUS_JSON_VERSION = 1;

/** ISO 8601 with the zone's offset at that instant (Indonesia keeps no daylight saving; any IANA zone works). */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  const wall = Date.UTC(+get("year"), +get("month") - 1, +get("day"), +get("hour"), +get("minute"), +get("second"));
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const ms = pad(((date.getTime() % 1000) + 1000) % 1000, 3);
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}.${ms}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function statusToJson(s: StatusView) {
  const t = (date: Date) => isoInZone(date, s.timeZone);
  const tn = (date: Date | null) => (date ? t(date) : null);
  const window = (w: StatusView["maintenance"][number]) => ({
    id: w.id,
    startsAt: t(w.startsAt),
    endsAt: t(w.endedAt ?? w.endsAt),
    running: w.startsAt <= s.now && s.now < (w.endedAt ?? w.endsAt),
    description: w.description,
  });
  const outage = (o: StatusView["ledger"][number]) => ({
    id: o.id,
    cause: o.cause,
    scope: o.scope,
    role: o.role,
    startsAt: t(o.startsAt),
    endsAt: tn(o.endsAt),
    ongoing: o.ongoing,
    description: o.description,
    countsAsDowntime: o.countsAsDowntime,
    compensatedAt: tn(o.compensatedAt),
    compensations: o.compensations.map((c) => ({
      tenderCode: c.tenderCode,
      stage: c.stageKind,
      lostSeconds: c.lostSeconds,
      extensionSeconds: c.extensionSeconds,
      oldEndsAt: t(c.oldEndsAt),
      newEndsAt: t(c.newEndsAt),
      additions: c.additions.map((a) => ({
        seconds: a.seconds,
        reason: a.reason,
        oldEndsAt: t(a.oldEndsAt),
        newEndsAt: t(a.newEndsAt),
        addedAt: t(a.createdAt),
      })),
    })),
  });
  return {
    version: STATUS_JSON_VERSION,
    lpse: { name: s.lpseName, timeZone: s.timeZone },
    generatedAt: t(s.now),
    state: s.state,
    degraded: s.degraded,
    runningMaintenance: s.runningMaintenance ? window(s.runningMaintenance) : null,
    ongoingIncidents: s.ongoingIncidents.map(outage),
    maintenance: s.maintenance.map(window),
    worker: {
      lastBeatAt: tn(s.worker.lastBeatAt),
      ageSeconds: s.worker.ageSeconds,
      staleSeconds: s.worker.staleSeconds,
      stale: s.worker.stale,
    },
    backup: { state: s.backup.state, lastCompleteAt: tn(s.backup.lastCompleteAt), staleHours: s.backup.staleHours },
    ledger: { days: s.ledgerDays, outages: s.ledger.map(outage) },
    availability: s.availability.map((m) => ({
      month: m.month,
      startsAt: t(m.startsAt),
      endsAt: t(m.endsAt),
      countedSeconds: m.countedSeconds,
      downSeconds: m.downSeconds,
      percent: m.percent,
    })),
    rule: {
      heartbeatSeconds: s.rule.heartbeatSeconds,
      gapSeconds: s.rule.gapSeconds,
      workerStaleSeconds: s.rule.workerStaleSeconds,
      compensationLeadHours: s.rule.compensationLeadHours,
      compensationUnitMinutes: s.rule.compensationUnitMinutes,
      maintenanceNoticeHours: s.rule.maintenanceNoticeHours,
      basis: s.rule.settingsBasis,
      procedures: s.rule.procedures,
    },
  };
}

export type StatusJson = ReturnType<typeof statusToJson>;
