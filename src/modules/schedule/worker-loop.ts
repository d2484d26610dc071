import type { TickResult } from "./server/run-schedule-tick";

export interface WorkerLog {
  info(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export interface WorkerOptions {
  intervalMs: number;
  /** a full batch means more may be due: run again at once instead of sleeping */
  batchSize: number;
  tick: (options: { limit: number }) => Promise<TickResult>;
  log: WorkerLog;
  signal: AbortSignal;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });

/**
 * Runs the schedule tick until `signal` aborts. A failed tick (database restarting,
 * network gone) is logged and tried again on the next interval: the worker must outlive
 * the outage it is meant to recover from. A tick in progress is finished, not cut off.
 */
export async function runWorkerLoop({ intervalMs, batchSize, tick, log, signal }: WorkerOptions): Promise<void> {
  while (!signal.aborted) {
    try {
      let result: TickResult;
      do {
        result = await tick({ limit: batchSize });
        for (const t of result.transitions) log.info({ ...t }, "tender stage advanced");
      } while (!signal.aborted && result.checked >= batchSize);
    } catch (err) {
      log.error({ err }, "schedule tick failed; trying again next interval");
    }
    await sleep(intervalMs, signal);
  }
}

/** SEGEL_WORKER_INTERVAL_MS, or 5 seconds when unset or not a positive number. */
export function intervalFromEnv(value: string | undefined, fallback = 5000): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
