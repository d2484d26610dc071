import { describe, expect, it } from "vitest";
import { makeScheduledTender, makeUser, makeVendor } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { logger } from "@/server/logger";
import { matchingSearchesSql, recordMatches } from "./match-tender";

// Volume: one new tender against 10,000 saved searches (20 users of 20 vendors, 500 each,
// filters spread over KBLI, region, category, value and keyword) is one SQL statement.
describe("matching at volume", () => {
  it("matches one tender against 10,000 saved searches in one statement and records each match once", async () => {
    const { tender, paket } = await makeScheduledTender({
      paket: { name: "Pembangunan Jembatan Desa", category: "PEKERJAAN_KONSTRUKSI", hps: 450_000_000n },
    });
    await db.paket.update({ where: { id: paket.id }, data: { location: "Kabupaten Jayapura, Papua" } });
    await db.tender.update({ where: { id: tender.id }, data: { requiredKbli: ["42101"], publishedAt: await dbNow() } });
    for (let v = 0; v < 20; v++) {
      const vendor = await makeVendor();
      const user = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
      await db.$executeRaw`
        INSERT INTO "SavedSearch" (id, "userId", "vendorId", name, kbli, region, categories, "minValue", "maxValue",
                                   keyword, frequency, "matchedUntil", "updatedAt")
        SELECT gen_random_uuid(), ${user.id}::uuid, ${vendor.id}::uuid, 'Volume ' || i,
               CASE WHEN i % 3 = 0 THEN ARRAY[lpad((41000 + i % 200)::text, 5, '0')] ELSE '{}' END,
               CASE WHEN i % 4 = 0 THEN (ARRAY['Jayapura', 'Bandung', 'Makassar'])[1 + i % 3] END,
               CASE WHEN i % 5 = 0 THEN ARRAY['BARANG']::"ProcurementCategory"[] ELSE '{}' END,
               CASE WHEN i % 7 = 0 THEN (i * 1000000)::bigint END, NULL,
               CASE WHEN i % 6 = 0 THEN 'jembatan' END,
               (CASE WHEN i % 2 = 0 THEN 'DAILY' ELSE 'IMMEDIATE' END)::"AlertFrequency",
               segel_now() - interval '1 hour', segel_now()
        FROM generate_series(1, 500) AS i`;
    }
    expect(await db.savedSearch.count()).toBe(10_000);
    const plan = await db.$queryRaw<
      { "QUERY PLAN": string }[]
    >`EXPLAIN (ANALYZE) ${matchingSearchesSql(tender.id, 120)}`;
    const lines = plan.map((r) => r["QUERY PLAN"]);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join("\n"))?.[1]);
    const started = performance.now();
    const added = await db.$transaction((tx) => recordMatches(tx, tender.id, 120));
    const insertMs = performance.now() - started;
    logger.info(
      { selectMs: ms, insertMs: Math.round(insertMs), matched: added.length },
      "alerts matching at 10,000 searches",
    );
    // the figures are logged for the reader, not asserted: this machine is shared and noisy
    expect(added.length).toBeGreaterThan(1000);
    expect(await db.savedSearchMatch.count({ where: { tenderId: tender.id } })).toBe(added.length);
  }, 120_000);
});
