// The web server's heartbeat (docs/decisions/0040): src/cli/serve.ts beats as soon as it
// listens, then every SEGEL_HEARTBEAT_SECONDS, until it drains. A beat that finds the web
// silent for longer than SEGEL_DOWNTIME_GAP_SECONDS records the outage, and this process
// then runs the compensation pass at once, before the worker's schedule tick could close
// a stage the outage took time from.
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { logger } from "../server/logger";
import { readAvailabilitySettings } from "../server/availability-settings";

/**
 * serve.ts runs outside Next and without the "react-server" condition, where the
 * "server-only" guard throws on import. The beat needs the database and the audit log (both
 * server-only modules), so in this process only that marker resolves to its empty module,
 * as it does under the worker's `--conditions=react-server` and in Vitest.
 */
function allowServerModules() {
  const empty = pathToFileURL(path.resolve(import.meta.dirname, "../../node_modules/server-only/empty.js")).href;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

// Read when serve.ts loads: a wrong setting stops the server with its message rather than
// leaving a web server that never beats (the worker would then hold every deadline).
const settings = readAvailabilitySettings();

/** Starts beating; `stop()` ends it (on drain: a draining process is on its way out). */
export async function startWebHeartbeat(): Promise<{ stop: () => void }> {
  allowServerModules();
  const { recordHeartbeat } = await import("../modules/availability/server/record-heartbeat");
  const { compensateOutages } = await import("../modules/availability/server/compensate-outages");
  const me = { host: os.hostname(), pid: process.pid, startedAt: new Date() };
  let isBeating = false;
  let isStopped = false;

  async function beat() {
    // a slow database must not stack beats up: the next interval tries again
    if (isBeating || isStopped) return;
    isBeating = true;
    try {
      const { outage } = await recordHeartbeat("WEB", me, { gapSeconds: settings.gapSeconds });
      if (outage) {
        logger.info({ outage }, "web downtime recorded");
        const given = await compensateOutages();
        logger.info(given, "compensation pass after the downtime");
      }
    } catch (err) {
      // the web server outlives a database that is restarting; the beat resumes with it
      logger.error({ err }, "web heartbeat failed; trying again next interval");
    } finally {
      isBeating = false;
    }
  }

  void beat();
  const timer = setInterval(() => void beat(), settings.heartbeatSeconds * 1000);
  timer.unref();
  return {
    stop() {
      isStopped = true;
      clearInterval(timer);
    },
  };
}
