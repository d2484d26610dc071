import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { CARRIED_TABLES, DOES_NOT_TRAVEL, UNCARRIED } from "./transfer-tables";

/**
 * The guard against the next forgotten table (issue 15 added five that the bundle ignored):
 * every table joined to Tender or Bid by a foreign key, either way, read from PostgreSQL's
 * own catalogue (model and table names are the same: the schema maps none), must be carried
 * by the bundle, refused by the export, or explained in DOES_NOT_TRAVEL.
 */
let relatedToTenderOrBid: string[] = [];
let tables = new Set<string>();

beforeAll(async () => {
  const related = await db.$queryRaw<{ name: string }[]>`
    SELECT src.relname AS name FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
      WHERE c.contype = 'f' AND dst.relname IN ('Tender', 'Bid')
    UNION
    SELECT dst.relname FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
      WHERE c.contype = 'f' AND src.relname IN ('Tender', 'Bid')`;
  relatedToTenderOrBid = related.map((r) => r.name).sort();
  const all = await db.$queryRaw<{ name: string }[]>`
    SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`;
  tables = new Set(all.map((t) => t.name));
});

const listed = new Set<string>([...CARRIED_TABLES, ...UNCARRIED.map((u) => u.table), ...DOES_NOT_TRAVEL]);

describe("what a tender bundle carries", () => {
  it("reads the catalogue (the guard below is not vacuous)", () => {
    expect(relatedToTenderOrBid).toEqual(expect.arrayContaining(["Bid", "Negotiation", "PrequalificationApplication"]));
    expect(relatedToTenderOrBid.length).toBeGreaterThan(30);
  });

  it("carries, refuses or explains every table related to Tender or Bid", () => {
    const forgotten = relatedToTenderOrBid.filter((name) => !listed.has(name));
    expect(forgotten, "add each to CARRIED_TABLES, UNCARRIED or DOES_NOT_TRAVEL in transfer-tables.ts").toEqual([]);
  });

  it("names only tables that exist, each in one list", () => {
    const all = [...CARRIED_TABLES, ...UNCARRIED.map((u) => u.table), ...DOES_NOT_TRAVEL];
    expect(all.filter((name) => !tables.has(name))).toEqual([]);
    expect(all.length).toBe(new Set(all).size);
  });

  it("counts each refused table's rows of a tender (each query runs)", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    for (const check of UNCARRIED) expect(await check.count(db as never, none), check.table).toBe(0);
  });
});
