// The schedule worker: moves announced tenders from stage to stage by the database
// clock, whether or not anyone is signed in. Started by src/cli/start.ts beside the web
// server; run it alone with
//   DATABASE_URL=... tsx --conditions=react-server src/cli/worker.ts
// ("react-server" turns the "server-only" guard into a no-op outside Next).
// Several workers may run at once: each tick takes its tenders FOR UPDATE SKIP LOCKED.
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
import { intervalFromEnv, runWorkerLoop } from "@/modules/schedule/worker-loop";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

const intervalMs = intervalFromEnv(process.env.SEGEL_WORKER_INTERVAL_MS);
const controller = new AbortController();

function stop(signal: string) {
  if (controller.signal.aborted) return;
  logger.info({ signal }, "schedule worker stopping");
  controller.abort();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

logger.info({ intervalMs, pid: process.pid }, "schedule worker started");
await runWorkerLoop({ intervalMs, batchSize: 100, tick: runScheduleTick, log: logger, signal: controller.signal });
await db.$disconnect().catch(() => {});
logger.info({}, "schedule worker stopped");
