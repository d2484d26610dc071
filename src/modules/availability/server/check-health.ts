import "server-only";
import { readBackupFreshness } from "@/modules/backup";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { db } from "@/server/db";
import { isDraining } from "@/server/drain-state";
import { logger } from "@/server/logger";
import { checkObjectStore } from "@/server/object-store";
import { readObjectStoreSettings } from "@/server/object-store-settings";

/**
 * /api/health (docs/decisions/0040, design point 3). "failing" (503) only when THIS instance
 * cannot serve: its database or its file store does not answer; "draining" (503) after
 * SIGTERM. A stale worker or backup is "degraded" (200 with the failing check), because a
 * stale worker must not take every web server out of the load balancer's pool; `strict`
 * (monitoring systems) answers 503 on degraded too.
 */
export type HealthStatus = "ok" | "degraded" | "failing" | "draining";

export interface HealthReport {
  status: HealthStatus;
  checks: {
    database: { ok: boolean; ms: number };
    fileStore: { ok: boolean; ms: number; kind: "local" | "s3" | null; checkedAt: string };
    worker: { ok: boolean; lastBeatAt: string | null; ageSeconds: number | null; staleSeconds: number };
    backup: {
      ok: boolean;
      state: "off" | "pending" | "fresh" | "stale";
      lastCompleteAt: string | null;
      ageSeconds: number | null;
      staleHours: number | null;
    };
  };
}

/** The file store is looked at most this often (wall clock, configuration): a poll every second costs nothing. */
const STORE_CHECK_MS = 10_000;
type StoreResult = HealthReport["checks"]["fileStore"];
let storeCache: { key: string; at: number; result: StoreResult } | null = null;

async function checkFileStore(): Promise<StoreResult> {
  // keyed by the settings, so a store moved by a test or a restart is looked at again
  const key = JSON.stringify(readObjectStoreSettings());
  const at = performance.now();
  if (storeCache && storeCache.key === key && at - storeCache.at < STORE_CHECK_MS) return storeCache.result;
  let result: StoreResult;
  try {
    const { kind } = await checkObjectStore();
    result = { ok: true, ms: Math.round(performance.now() - at), kind, checkedAt: new Date().toISOString() };
  } catch (error) {
    // the detail (a path, a bucket) goes to the log, not to a public answer
    logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      "health check: the file store fails",
    );
    result = { ok: false, ms: Math.round(performance.now() - at), kind: null, checkedAt: new Date().toISOString() };
  }
  storeCache = { key, at, result };
  return result;
}

async function checkDatabase(): Promise<{ ok: boolean; ms: number }> {
  const at = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, ms: Math.round(performance.now() - at) };
  } catch (error) {
    logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      "health check: the database does not answer",
    );
    return { ok: false, ms: Math.round(performance.now() - at) };
  }
}

/** The newest WORKER beat by the database clock (one index read of ProcessHeartbeat(role, beatAt)). */
async function checkWorker(staleSeconds: number): Promise<HealthReport["checks"]["worker"] & { now: Date }> {
  const [row] = await db.$queryRaw<{ lastBeatAt: Date | null; now: Date }[]>`
    SELECT max("beatAt") AS "lastBeatAt", date_trunc('milliseconds', segel_now()) AS now
    FROM "ProcessHeartbeat" WHERE "role" = 'WORKER'`;
  const { lastBeatAt, now } = row!;
  const ageSeconds = lastBeatAt ? Math.max(0, Math.floor((now.getTime() - lastBeatAt.getTime()) / 1000)) : null;
  return {
    ok: ageSeconds !== null && ageSeconds <= staleSeconds,
    lastBeatAt: lastBeatAt?.toISOString() ?? null,
    ageSeconds,
    staleSeconds,
    now,
  };
}

async function checkBackup(now: Date): Promise<HealthReport["checks"]["backup"]> {
  const b = await readBackupFreshness(now);
  if (!b.enabled) return { ok: true, state: "off", lastCompleteAt: null, ageSeconds: null, staleHours: null };
  return {
    ok: !b.stale,
    state: b.stale ? "stale" : b.lastCompleteAt ? "fresh" : "pending",
    lastCompleteAt: b.lastCompleteAt?.toISOString() ?? null,
    ageSeconds: b.ageSeconds,
    staleHours: b.staleHours,
  };
}

const unknownWorker = (staleSeconds: number) => ({ ok: false, lastBeatAt: null, ageSeconds: null, staleSeconds });
const unknownBackup = { ok: false, state: "stale", lastCompleteAt: null, ageSeconds: null, staleHours: null } as const;

export async function checkHealth(): Promise<HealthReport | { status: "draining" }> {
  if (isDraining()) return { status: "draining" };
  const { workerStaleSeconds } = readAvailabilitySettings();
  const [database, fileStore] = await Promise.all([checkDatabase(), checkFileStore()]);
  if (!database.ok)
    return {
      status: "failing",
      checks: { database, fileStore, worker: unknownWorker(workerStaleSeconds), backup: { ...unknownBackup } },
    };
  let worker: HealthReport["checks"]["worker"];
  let backup: HealthReport["checks"]["backup"];
  try {
    const { now, ...beat } = await checkWorker(workerStaleSeconds);
    worker = beat;
    backup = await checkBackup(now);
  } catch (error) {
    // the database stopped answering between the two reads: the same as SELECT 1 failing
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, "health check: a read failed");
    return {
      status: "failing",
      checks: {
        database: { ...database, ok: false },
        fileStore,
        worker: unknownWorker(workerStaleSeconds),
        backup: { ...unknownBackup },
      },
    };
  }
  const status: HealthStatus = !fileStore.ok ? "failing" : worker.ok && backup.ok ? "ok" : "degraded";
  return { status, checks: { database, fileStore, worker, backup } };
}

/** The HTTP status for a report: 503 when this instance cannot serve; with `strict`, on degraded too. */
export function healthHttpStatus(status: HealthStatus, strict: boolean): number {
  if (status === "ok") return 200;
  if (status === "degraded") return strict ? 503 : 200;
  return 503;
}
