import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { CARRIED_TABLES, DOES_NOT_TRAVEL, UNCARRIED } from "./transfer-tables";

/**
 * The guard against the next forgotten table (issue 15 added five that the bundle ignored):
 * every model with a relation to Tender or Bid, read from the generated client's own data
 * model, must be carried by the bundle, refused by the export, or explained in
 * DOES_NOT_TRAVEL. Prisma 7 no longer exports `Prisma.dmmf`; the client keeps the same
 * model list as `_runtimeDataModel` (typed in @prisma/client/runtime/client.d.ts).
 */
interface RuntimeModel {
  fields: { name: string; kind: string; type: string }[];
}
const models = (db as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })._runtimeDataModel
  .models;

const relatedToTenderOrBid = Object.entries(models)
  .filter(([, model]) => model.fields.some((f) => f.kind === "object" && (f.type === "Tender" || f.type === "Bid")))
  .map(([name]) => name)
  .sort();

const listed = new Set<string>([...CARRIED_TABLES, ...UNCARRIED.map((u) => u.table), ...DOES_NOT_TRAVEL]);

describe("what a tender bundle carries", () => {
  it("reads the data model (the guard below is not vacuous)", () => {
    expect(relatedToTenderOrBid).toEqual(expect.arrayContaining(["Bid", "Negotiation", "PrequalificationApplication"]));
    expect(relatedToTenderOrBid.length).toBeGreaterThan(30);
  });

  it("carries, refuses or explains every model related to Tender or Bid", () => {
    const forgotten = relatedToTenderOrBid.filter((name) => !listed.has(name));
    expect(forgotten, "add each to CARRIED_TABLES, UNCARRIED or DOES_NOT_TRAVEL in transfer-tables.ts").toEqual([]);
  });

  it("names only models that exist, each in one list", () => {
    const all = [...CARRIED_TABLES, ...UNCARRIED.map((u) => u.table), ...DOES_NOT_TRAVEL];
    expect(all.filter((name) => !(name in models))).toEqual([]);
    expect(all.length).toBe(new Set(all).size);
  });

  it("counts each refused table's rows of a tender (each query runs)", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    for (const check of UNCARRIED) expect(await check.count(db as never, none), check.table).toBe(0);
  });
});
