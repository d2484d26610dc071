// `npm run segel -- open-data backfill`: publishes one OCDS release for every tender,
// pengadaan langsung and non-tender record that has none, one process per transaction
// (src/modules/open-data/server/backfill-releases.ts), for an instance upgraded from before
// the open data. Set the ocid prefix at /admin/profil first: it is fixed once released.
import { withLiveDatabase } from "./live-database";

const USAGE = `Usage: npm run segel -- open-data backfill

  open-data backfill
      Publishes the current state of every process that has no OCDS release yet, and
      recomputes those tenders' red flags. Idempotent, and safe while Segel runs: each
      process is locked only for its own release. Set the ocid prefix (/admin/profil)
      first: it can no longer change once a release exists.`;

export async function runOpenDataCommand(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== "backfill" || rest.length) {
    console.log(USAGE);
    return verb === undefined || verb === "help" ? 0 : 2;
  }
  return withLiveDatabase("then run this again", async () => {
    const { backfillReleases } = await import("../modules/open-data/server/backfill-releases");
    const started = Date.now();
    const counts = await backfillReleases((c) => console.log(`  ${c.tenders} tenders…`));
    console.log(
      `Published ${counts.tenders} tender, ${counts.directProcurements} pengadaan langsung and ` +
        `${counts.nonTenderRecords} non-tender releases in ${Date.now() - started} ms.`,
    );
    return 0;
  });
}
