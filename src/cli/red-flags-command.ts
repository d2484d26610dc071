// `npm run segel -- red-flags refresh`: recomputes every tender's red flags, one tender per
// transaction (src/modules/red-flags/server/refresh-all-red-flags.ts), for an instance
// upgraded from before the flags or after a SEGEL_RED_FLAG_* threshold changed.
import { withLiveDatabase } from "./live-database";

const USAGE = `Usage: npm run segel -- red-flags refresh

  red-flags refresh
      Recomputes the red flags of every tender with the SEGEL_RED_FLAG_* settings in force.
      Safe while Segel runs: each tender is locked only for its own recompute.`;

export async function runRedFlagsCommand(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== "refresh" || rest.length) {
    console.log(USAGE);
    return verb === undefined || verb === "help" ? 0 : 2;
  }
  return withLiveDatabase("then run this again", async (db) => {
    const { refreshAllRedFlags } = await import("../modules/red-flags/server/refresh-all-red-flags");
    const started = Date.now();
    const { tenders } = await refreshAllRedFlags((done) => console.log(`  ${done} tenders…`));
    const flags = await db.tenderRedFlag.count();
    console.log(`Red flags recomputed for ${tenders} tenders in ${Date.now() - started} ms: ${flags} flags raised.`);
    return 0;
  });
}
