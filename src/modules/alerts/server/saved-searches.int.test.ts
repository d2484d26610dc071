import { afterEach, describe, expect, it } from "vitest";
import { actorFor, makeActor, makeUser, makeVendor } from "@/tests/factories";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { savedSearchFieldsSchema, type SavedSearchFields } from "../alerts.schemas";
import { createSavedSearch } from "./create-saved-search";
import { deleteSavedSearch } from "./delete-saved-search";
import { findSavedSearches } from "./find-saved-searches";
import { updateSavedSearch } from "./update-saved-search";

const fields: SavedSearchFields = {
  name: "Konstruksi di Jawa Barat",
  kbli: ["41011"],
  region: "Jawa Barat",
  categories: ["PEKERJAAN_KONSTRUKSI"],
  minValue: 100_000_000n,
  maxValue: 2_000_000_000n,
  keyword: "gedung",
  frequency: "IMMEDIATE",
};

async function vendorUser(vendor?: { id: string }): Promise<Actor> {
  const v = vendor ?? (await makeVendor());
  return actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: v.id }));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const audits = (action: string) => db.auditEvent.count({ where: { action } });

afterEach(() => {
  delete process.env.SEGEL_SAVED_SEARCH_MAX;
});

describe("saved searches", () => {
  it("a vendor user saves a search from now on, audited, and sees it with the verified profile's KBLI", async () => {
    const vendor = await makeVendor();
    await db.vendor.update({ where: { id: vendor.id }, data: { kbli: ["41011", "42101"] } });
    const actor = await vendorUser(vendor);
    const before = await dbNow();
    const { id } = await createSavedSearch(actor, fields);
    const row = await db.savedSearch.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ ...fields, userId: actor.userId, vendorId: vendor.id, lastDigestAt: null });
    expect(row.matchedUntil.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "savedSearch.created", entityId: id } });
    expect(audit.data).toMatchObject({ name: fields.name, minValue: "100000000", frequency: "IMMEDIATE" });
    const page = await findSavedSearches(actor);
    expect(page.searches.map((s) => s.id)).toEqual([id]);
    expect(page.suggestedKbli).toEqual(["41011", "42101"]);
  });

  it("suggests no KBLI while the vendor is not verified", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    await db.vendor.update({ where: { id: vendor.id }, data: { kbli: ["41011"] } });
    expect((await findSavedSearches(await vendorUser(vendor))).suggestedKbli).toEqual([]);
  });

  it("refuses any other role, writing nothing", async () => {
    for (const role of ["PPK", "ADMIN_LPSE", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      expect((await refusal(createSavedSearch(actor, fields))).code).toBe("FORBIDDEN");
      expect((await refusal(findSavedSearches(actor))).code).toBe("FORBIDDEN");
    }
    expect(await db.savedSearch.count()).toBe(0);
    expect(await audits("savedSearch.created")).toBe(0);
  });

  it("another vendor's search is not found: not changed, not deleted, nothing audited", async () => {
    const owner = await vendorUser();
    const { id } = await createSavedSearch(owner, fields);
    const stranger = await vendorUser();
    const update = updateSavedSearch(stranger, { ...fields, name: "Diambil alih", savedSearchId: id });
    expect((await refusal(update)).code).toBe("NOT_FOUND");
    expect((await refusal(deleteSavedSearch(stranger, { savedSearchId: id }))).code).toBe("NOT_FOUND");
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id } })).name).toBe(fields.name);
    expect(await audits("savedSearch.updated")).toBe(0);
    expect(await audits("savedSearch.deleted")).toBe(0);
    expect((await findSavedSearches(stranger)).searches).toEqual([]);
  });

  it("a colleague of the same vendor edits and deletes it, each audited", async () => {
    const vendor = await makeVendor();
    const owner = await vendorUser(vendor);
    const colleague = await vendorUser(vendor);
    const { id } = await createSavedSearch(owner, fields);
    await updateSavedSearch(colleague, { ...fields, kbli: [], region: null, frequency: "DAILY", savedSearchId: id });
    expect(await db.savedSearch.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kbli: [],
      region: null,
      frequency: "DAILY",
      userId: owner.userId,
    });
    await deleteSavedSearch(colleague, { savedSearchId: id });
    expect(await db.savedSearch.count()).toBe(0);
    expect(await audits("savedSearch.updated")).toBe(1);
    expect(await audits("savedSearch.deleted")).toBe(1);
  });

  it("keeps at most SEGEL_SAVED_SEARCH_MAX per user, also when two saves race", async () => {
    process.env.SEGEL_SAVED_SEARCH_MAX = "2";
    const actor = await vendorUser();
    await createSavedSearch(actor, fields);
    const results = await Promise.allSettled([createSavedSearch(actor, fields), createSavedSearch(actor, fields)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const third = await refusal(createSavedSearch(actor, fields));
    expect(third).toMatchObject({ code: "CONFLICT", messageKey: "alerts.tooMany", values: { max: 2 } });
    expect(await db.savedSearch.count({ where: { userId: actor.userId } })).toBe(2);
    // the limit is per user: a colleague still saves
    await createSavedSearch(await vendorUser({ id: actor.vendorId! }), fields);
  });
});

describe("savedSearchFieldsSchema", () => {
  const parse = (input: Record<string, unknown>) =>
    savedSearchFieldsSchema.safeParse({ name: "Cari", frequency: "DAILY", ...input });
  const messages = (input: Record<string, unknown>) => {
    const result = parse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("reads a form: codes as typed, categories as checkboxes, amounts in rupiah, empties as none", () => {
    const result = parse({
      kbli: "41011, 42101",
      categories: "BARANG",
      minValue: "Rp 1.000.000",
      maxValue: "",
      region: " ",
    });
    expect(result.success && result.data).toMatchObject({
      kbli: ["41011", "42101"],
      categories: ["BARANG"],
      minValue: 1_000_000n,
      maxValue: null,
      region: null,
      keyword: null,
    });
  });

  it("names what is wrong", () => {
    expect(messages({ name: " " })).toMatchObject({ name: "fieldRequired" });
    expect(messages({ kbli: "4101" })).toMatchObject({ kbli: "kbliInvalid" });
    expect(messages({ kbli: Array.from({ length: 21 }, (_, i) => String(41000 + i)) })).toMatchObject({
      kbli: "alerts.kbliTooMany",
    });
    expect(messages({ minValue: "5.000", maxValue: "4.999" })).toMatchObject({ maxValue: "alerts.rangeInverted" });
    expect(messages({ minValue: "-1" })).toMatchObject({ minValue: "amountNegative" });
    expect(messages({ categories: "MOBIL" })).toHaveProperty("categories");
    expect(messages({ frequency: "HOURLY" })).toHaveProperty("frequency");
    expect(messages({ region: "x".repeat(101) })).toMatchObject({ region: "fieldTooLong" });
    expect(parse({ minValue: "5.000", maxValue: "5.000" }).success).toBe(true);
  });

  it("the database holds the shape for every writer (CHECK SavedSearch_shape)", async () => {
    const actor = await vendorUser();
    const base = { userId: actor.userId, vendorId: actor.vendorId!, name: "x", frequency: "DAILY" as const };
    const bad = [{ kbli: ["4101"] }, { minValue: 10n, maxValue: 9n }, { name: "  " }, { minValue: -1n }];
    for (const data of bad)
      await expect(db.savedSearch.create({ data: { ...base, matchedUntil: new Date(), ...data } })).rejects.toThrow(
        /SavedSearch_shape/,
      );
  });
});
