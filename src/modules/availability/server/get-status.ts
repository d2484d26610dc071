import "server-only";
import { readBackupFreshness } from "@/modules/backup";
import { getLpseProfile } from "@/modules/lpse";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { db, dbNow } from "@/server/db";
import { countsAsDowntime, monthlyAvailability, type MonthAvailability } from "../domain/availability";
import type { OutageCause, OutageScope, ProcessRole } from "../domain/enums";
import { periodEnd } from "../domain/maintenance";
import { findAnnouncedWindows, type MaintenanceWindowView } from "./find-maintenance";

/**
 * Everything /status and /api/status show, in one read (docs/decisions/0040). Public: no
 * person's name, only the ledger, its compensations, the windows and the rule's figures.
 * Every query is bounded (the ledger only grows; a long outage may touch many tenders).
 */
export const LEDGER_DAYS = 90;
export const AVAILABILITY_MONTHS = 12;
const LEDGER_MAX = 200;
const COMPENSATIONS_MAX = 1000;
const ADDITIONS_MAX = 20;
const INTERVALS_MAX = 10_000;

export type PortalState = "operational" | "maintenance" | "incident" | "degraded";

export interface CompensationView {
  tenderCode: string;
  stageKind: string;
  lostSeconds: number;
  extensionSeconds: number;
  oldEndsAt: Date;
  newEndsAt: Date;
  additions: { seconds: number; reason: string; oldEndsAt: Date; newEndsAt: Date; createdAt: Date }[];
}

export interface LedgerRow {
  id: string;
  cause: OutageCause;
  scope: OutageScope;
  role: ProcessRole | null;
  startsAt: Date;
  endsAt: Date | null;
  ongoing: boolean;
  description: string | null;
  /** counted as full downtime in the availability (a WEB gap, a whole-instance incident, maintenance) */
  countsAsDowntime: boolean;
  compensatedAt: Date | null;
  compensations: CompensationView[];
}

export interface StatusView {
  now: Date;
  lpseName: string;
  timeZone: string;
  state: PortalState;
  /** why it is degraded (also listed while in maintenance or an incident) */
  degraded: ("worker" | "backup")[];
  runningMaintenance: MaintenanceWindowView | null;
  ongoingIncidents: LedgerRow[];
  /** announced windows not over yet, the running one first */
  maintenance: MaintenanceWindowView[];
  worker: { lastBeatAt: Date | null; ageSeconds: number | null; staleSeconds: number; stale: boolean };
  backup: { state: "off" | "pending" | "fresh" | "stale"; lastCompleteAt: Date | null; staleHours: number | null };
  ledgerDays: number;
  ledger: LedgerRow[];
  /** newest month first */
  availability: MonthAvailability[];
  rule: {
    heartbeatSeconds: number;
    gapSeconds: number;
    workerStaleSeconds: number;
    compensationLeadHours: number;
    compensationUnitMinutes: number;
    maintenanceNoticeHours: number;
    /** what the settings are: the availability settings' own words */
    settingsBasis: string;
    procedures: { key: string; name: string; compensationMinHours: number; compensationMinBasis: string }[];
  };
}

const SETTINGS_BASIS = "konfigurasi, bukan ketentuan hukum";

async function readLedger(now: Date): Promise<LedgerRow[]> {
  const since = new Date(now.getTime() - LEDGER_DAYS * 86_400_000);
  const outages = await db.outage.findMany({
    where: { startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: since } }] },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: LEDGER_MAX,
    select: {
      id: true,
      cause: true,
      scope: true,
      role: true,
      startsAt: true,
      endsAt: true,
      description: true,
      compensatedAt: true,
    },
  });
  const compensations = outages.length
    ? await db.compensation.findMany({
        where: { outageId: { in: outages.map((o) => o.id) } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: COMPENSATIONS_MAX,
        select: {
          outageId: true,
          stageKind: true,
          lostSeconds: true,
          extensionSeconds: true,
          oldEndsAt: true,
          newEndsAt: true,
          tender: { select: { code: true } },
          additions: {
            orderBy: { createdAt: "asc" },
            take: ADDITIONS_MAX,
            select: { seconds: true, reason: true, oldEndsAt: true, newEndsAt: true, createdAt: true },
          },
        },
      })
    : [];
  const byOutage = new Map<string, CompensationView[]>();
  for (const { outageId, tender, ...c } of compensations) {
    const list = byOutage.get(outageId) ?? [];
    list.push({ tenderCode: tender.code, ...c });
    byOutage.set(outageId, list);
  }
  return outages.map((o) => ({
    ...o,
    ongoing: o.endsAt === null || o.endsAt > now,
    countsAsDowntime: countsAsDowntime(o),
    compensations: byOutage.get(o.id) ?? [],
  }));
}

/** The intervals nobody could use the portal since `from`: the counted outages and the maintenance windows that ran (one may be running, not yet recorded). */
async function readDowntime(from: Date, now: Date) {
  const [outages, windows] = await Promise.all([
    db.outage.findMany({
      where: {
        startsAt: { lt: now },
        AND: [
          { OR: [{ endsAt: null }, { endsAt: { gt: from } }] },
          {
            OR: [{ cause: "UNKNOWN", role: "WEB" }, { cause: "DECLARED", scope: "INSTANCE" }, { cause: "MAINTENANCE" }],
          },
        ],
      },
      orderBy: { startsAt: "desc" },
      take: INTERVALS_MAX,
      select: { startsAt: true, endsAt: true },
    }),
    db.maintenanceWindow.findMany({
      where: { cancelledAt: null, startsAt: { lt: now }, endsAt: { gt: from } },
      orderBy: { startsAt: "desc" },
      take: INTERVALS_MAX,
      select: { startsAt: true, endsAt: true, endedAt: true },
    }),
  ]);
  return [...outages, ...windows.map((w) => ({ startsAt: w.startsAt, endsAt: periodEnd(w) }))];
}

async function readWorker(now: Date, staleSeconds: number) {
  const beat = await db.processHeartbeat.findFirst({
    where: { role: "WORKER" },
    orderBy: { beatAt: "desc" },
    select: { beatAt: true },
  });
  const lastBeatAt = beat?.beatAt ?? null;
  const ageSeconds = lastBeatAt ? Math.max(0, Math.floor((now.getTime() - lastBeatAt.getTime()) / 1000)) : null;
  return { lastBeatAt, ageSeconds, staleSeconds, stale: ageSeconds === null || ageSeconds > staleSeconds };
}

export async function getStatus(): Promise<StatusView> {
  const now = await dbNow();
  const settings = readAvailabilitySettings();
  const lpse = await getLpseProfile();
  const from = new Date(now.getTime() - 400 * 86_400_000); // wider than 12 months in any zone
  const [maintenance, ledger, downtime, worker, backup, procedures] = await Promise.all([
    findAnnouncedWindows(db, now),
    readLedger(now),
    readDowntime(from, now),
    readWorker(now, settings.workerStaleSeconds),
    readBackupFreshness(now),
    db.procedureConfig.findMany({
      orderBy: { key: "asc" },
      take: 100,
      select: { key: true, name: true, compensationMinHours: true, compensationMinBasis: true },
    }),
  ]);
  const runningMaintenance = maintenance.find((w) => w.startsAt <= now && now < periodEnd(w) && !w.cancelledAt) ?? null;
  const ongoingIncidents = ledger.filter((o) => o.cause === "DECLARED" && o.ongoing);
  const backupState = !backup.enabled ? "off" : backup.stale ? "stale" : backup.lastCompleteAt ? "fresh" : "pending";
  const degraded = [
    ...(worker.stale ? ["worker" as const] : []),
    ...(backupState === "stale" ? ["backup" as const] : []),
  ];
  return {
    now,
    lpseName: lpse.name,
    timeZone: lpse.timeZone,
    state: runningMaintenance
      ? "maintenance"
      : ongoingIncidents.length
        ? "incident"
        : degraded.length
          ? "degraded"
          : "operational",
    degraded,
    runningMaintenance,
    ongoingIncidents,
    maintenance,
    worker,
    backup: {
      state: backupState,
      lastCompleteAt: backup.enabled ? backup.lastCompleteAt : null,
      staleHours: backup.enabled ? backup.staleHours : null,
    },
    ledgerDays: LEDGER_DAYS,
    ledger,
    availability: monthlyAvailability(downtime, {
      now,
      timeZone: lpse.timeZone,
      months: AVAILABILITY_MONTHS,
      since: (await db.lpseInstance.findFirst({ select: { createdAt: true }, orderBy: { createdAt: "asc" } }))
        ?.createdAt,
    }),
    rule: { ...settings, settingsBasis: SETTINGS_BASIS, procedures },
  };
}
