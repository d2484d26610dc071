import "server-only";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { db } from "@/server/db";
import type { JsonObject } from "../domain/merge";
import { buildRecord } from "../domain/packages";

/** Rows read per query (configuration, not law): memory holds one page and one ocid's releases. */
const PAGE_ROWS = 500;

interface Row {
  ocid: string;
  position: number;
  data: JsonObject;
}

/** One page of a year's releases after (ocid, position), down the (fiscalYear, ocid, position) index. */
async function readPage(year: number, after: { ocid: string; position: number }, rows: number): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT "ocid", "position", "data" FROM "OcdsRelease"
    WHERE "fiscalYear" = ${year}
      AND ("fiscalYear", "ocid", "position") > (${year}, ${after.ocid}, ${after.position})
    ORDER BY "fiscalYear", "ocid", "position"
    LIMIT ${rows}`;
}

/** Whether a fiscal year has any release (else its bulk file does not exist: 404). */
export async function hasReleasesInYear(year: number): Promise<boolean> {
  return (await db.ocdsRelease.findFirst({ where: { fiscalYear: year }, select: { seq: true } })) !== null;
}

/**
 * The compiled release of every ocid of a fiscal year, one JSON line each, in ocid order.
 * Keyset pages: an ocid whose releases straddle a page is held until its last release is
 * read. An async generator is pulled only as fast as the consumer reads, so a slow
 * download holds one page, never the year.
 */
export async function* compiledReleasesOfYear(year: number, pageRows = PAGE_ROWS): AsyncGenerator<string> {
  let after = { ocid: "", position: 0 };
  let pending: { ocid: string; releases: JsonObject[] } | null = null;
  for (;;) {
    const rows = await readPage(year, after, pageRows);
    for (const row of rows) {
      if (pending && pending.ocid !== row.ocid) {
        yield `${JSON.stringify(buildRecord(pending.ocid, pending.releases).compiledRelease)}\n`;
        pending = null;
      }
      pending ??= { ocid: row.ocid, releases: [] };
      pending.releases.push(row.data);
    }
    if (rows.length < pageRows) break;
    const last = rows.at(-1)!;
    after = { ocid: last.ocid, position: last.position };
  }
  if (pending) yield `${JSON.stringify(buildRecord(pending.ocid, pending.releases).compiledRelease)}\n`;
}

/**
 * The bulk file of a year: gzipped JSON Lines, streamed. `pipe` stops pulling lines while
 * gzip's buffer is full, and gzip stops while the web stream (the HTTP answer) is.
 */
export function streamBulkYear(year: number): ReadableStream<Uint8Array> {
  const gzip = createGzip();
  const lines = Readable.from(compiledReleasesOfYear(year), { objectMode: false });
  lines.on("error", (error) => gzip.destroy(error));
  lines.pipe(gzip);
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}
