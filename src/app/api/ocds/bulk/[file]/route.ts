import { parseFiscalYear } from "@/modules/open-data/domain/feed-cursor";
import { hasReleasesInYear, streamBulkYear } from "@/modules/open-data/server/bulk-year";
import { route } from "@/server/route";
import { refuse } from "../../ocds-http";

export const dynamic = "force-dynamic";

/** The file is made as it is read; a cache in between may keep it an hour (configuration, not law). */
const BULK_CACHE_SECONDS = 3600;

/**
 * Public: every compiled release of one fiscal year as gzipped JSON Lines, streamed
 * (docs/decisions/0041). /api/ocds/bulk/2026.jsonl.gz, or /api/ocds/bulk/2026.
 */
export const GET = route("ocds bulk", async (request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const match = /^([0-9]{4})(\.jsonl\.gz)?$/.exec((await params).file);
  const year = match ? parseFiscalYear(match[1]!) : null;
  if (year === null) return refuse(request, 400, "badYear");
  if (!(await hasReleasesInYear(year))) return refuse(request, 404, "unknownYear", { year });
  return new Response(streamBulkYear(year), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="ocds-${year}.jsonl.gz"`,
      "Cache-Control": `public, max-age=${BULK_CACHE_SECONDS}`,
      "Access-Control-Allow-Origin": "*",
    },
  });
});
