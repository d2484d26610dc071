import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { streamBulkYear } from "./bulk-year";
import { makeOcdsProcess, releaseOf } from "./feed.fixtures";

const OCIDS = 3000;

/** OCIDS processes of two releases each, written in one statement from one hand-made release. */
async function fillYear() {
  const process = await makeOcdsProcess();
  const template = releaseOf(process, 1, new Date(Date.UTC(2026, 0, 1)));
  await db.$executeRaw`
    INSERT INTO "OcdsRelease" ("ocid", "releaseId", "position", "tags", "date", "kind", "agencyId", "fiscalYear", "tenderId", "data")
    SELECT o.ocid, o.ocid || '-' || p.n, p.n, ARRAY['tender'], '2026-01-01T00:00:00Z'::timestamptz + p.n * interval '1 day',
           'TENDER', ${process.agencyId}::uuid, 2026, ${process.tenderId}::uuid,
           ${JSON.stringify(template)}::jsonb || jsonb_build_object('ocid', o.ocid, 'id', o.ocid || '-' || p.n,
             'date', to_char(('2026-01-01T00:00:00Z'::timestamptz + p.n * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
    FROM (SELECT ${process.prefix} || '-2026-' || lpad(i::text, 5, '0') AS ocid FROM generate_series(1, ${OCIDS}) i) o
    CROSS JOIN (VALUES (1), (2)) p(n)`;
}

describe("the bulk file's stream", () => {
  it("reads the year page by page as the reader asks, never ahead of a reader that stops", async () => {
    await fillYear();
    const queries = vi.spyOn(db, "$queryRaw");

    // a reader that takes one chunk and then waits
    const reader = streamBulkYear(2026).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    const readWhileWaiting = queries.mock.calls.length;
    await reader.cancel();
    // 6,000 rows are 12 pages of 500; a stalled reader held the producer to the first few
    expect(readWhileWaiting).toBeLessThanOrEqual(3);
    queries.mockClear();

    // the whole file, as a download reads it
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    let lines = 0;
    let gzBytes = 0;
    const gunzip = Readable.fromWeb(streamBulkYear(2026) as never)
      .on("data", (chunk: Buffer) => {
        gzBytes += chunk.length;
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      })
      .pipe(createGunzip());
    let rest = "";
    for await (const chunk of gunzip) {
      const text = rest + (chunk as Buffer).toString("utf8");
      const parts = text.split("\n");
      rest = parts.pop()!;
      lines += parts.length;
    }
    expect(rest).toBe("");
    expect(lines).toBe(OCIDS);
    expect(queries.mock.calls.length).toBe(Math.ceil((OCIDS * 2) / 500) + 1);
    console.log(
      `bulk file: ${OCIDS} ocids (${OCIDS * 2} releases) in ${Math.round(performance.now() - started)} ms, ` +
        `${gzBytes} bytes gzipped, heap growth at most ${Math.round((peakHeap - heapBefore) / 1024 / 1024)} MiB`,
    );
  }, 120_000);
});
