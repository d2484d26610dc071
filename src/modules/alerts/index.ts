import "server-only";

// Vendors' saved searches and their alerts (docs/decisions/0041).
// The worker runs the pass on every tick (src/cli/worker.ts).
export { runAlertsTick } from "./server/run-alerts-tick";
