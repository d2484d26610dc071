import { describe, expect, it } from "vitest";
import { makeScheduledTender } from "../../../../tests/factories";
import { db } from "@/server/db";
import { findPublicTenders } from "./find-public-tenders";

// Search as people type it (issue 14, item 2): case and accents, part words, typos, exact
// codes, and the HPS range and location filters, over the real triggers and indexes.

const idsOf = async (filters: NonNullable<Parameters<typeof findPublicTenders>[0]>["filters"], page = 1, take = 20) =>
  (await findPublicTenders({ filters, page, take })).tenders.map((t) => t.id);

const named = (name: string, extra: Parameters<typeof makeScheduledTender>[0] = {}) =>
  makeScheduledTender({ ...extra, paket: { ...extra.paket, name } });

describe("searching the public tender list", () => {
  it("ignores case and accents, in the keyword and in the name", async () => {
    const cafe = await named("Renovasi Café Gedung Serbaguna");
    await named("Renovasi Kantor Camat");
    for (const q of ["cafe", "CAFÉ", "Café gedung", "renovasi cafe", "ÇAFE"])
      expect(await idsOf({ q }), q).toEqual([cafe.tender.id]);
  });

  it("finds part of a word", async () => {
    const a = await named("Pembangunan Jembatan Gantung");
    expect(await idsOf({ q: "jembat" })).toEqual([a.tender.id]);
    expect(await idsOf({ q: "GANTUN" })).toEqual([a.tender.id]);
  });

  it("finds words of five letters or more with a typo, and not other words", async () => {
    const road = await named("Pembangunan Jalan Lingkungan");
    const clinic = await named("Pembangunan Puskesmas Pembantu");
    expect(await idsOf({ q: "pembanguan jalan" })).toEqual([road.tender.id]);
    expect(await idsOf({ q: "Pembangunan Jalan" })).toEqual([road.tender.id]);
    expect(await idsOf({ q: "puskemas" })).toEqual([clinic.tender.id]);
    // "jalur" is another word (similarity 0.33), not a typo of "jalan"
    expect(await idsOf({ q: "jalur" })).toEqual([]);
    // a letter left out of a five-letter word; a changed letter of a six-letter word is another word
    const flood = await named("Normalisasi Saluran Banjir");
    await named("Penataan Pasar Banjar");
    expect(await idsOf({ q: "saluran banjr" })).toEqual([flood.tender.id]);
    expect(await idsOf({ q: "banjir" })).toEqual([flood.tender.id]);
    // every word must be found: the typo of one does not let another be missing
    expect(await idsOf({ q: "pembanguan jembatan" })).toEqual([]);
  });

  it("keeps short words and numbers exact: RSUD is not RSU, Paket 12345 is not 12346", async () => {
    const rsud = await named("Pengadaan Alat Kesehatan RSUD Kota");
    await named("Pengadaan Alat Kesehatan RSU Daerah");
    const paket = await named("Pengadaan Seragam Paket 12345");
    await named("Pengadaan Seragam Paket 12346");
    expect(await idsOf({ q: "RSUD" })).toEqual([rsud.tender.id]);
    expect(await idsOf({ q: "rsud kota" })).toEqual([rsud.tender.id]);
    expect(await idsOf({ q: "Paket 12345" })).toEqual([paket.tender.id]);
  });

  it("puts the tender whose code or RUP code is the keyword first, and never repeats it", async () => {
    const exact = await makeScheduledTender({ paket: { rupCode: "RUPX-777" }, publishedHoursAgo: 5 });
    // newer, and its RUP code contains the keyword: newest first would put it first
    const longer = await makeScheduledTender({ paket: { rupCode: "RUPX-7770" }, publishedHoursAgo: 1 });
    expect(await idsOf({ q: "RUPX-777" })).toEqual([exact.tender.id, longer.tender.id]);
    expect(await idsOf({ q: "rupx-777" })).toEqual([exact.tender.id, longer.tender.id]);
    expect(await idsOf({ q: "RUPX-777" }, 1, 1)).toEqual([exact.tender.id]);
    expect(await idsOf({ q: "RUPX-777" }, 2, 1)).toEqual([longer.tender.id]);
    expect(await idsOf({ q: "RUPX-77" })).toEqual([longer.tender.id, exact.tender.id]);
    const result = await findPublicTenders({ filters: { q: "RUPX-777" }, take: 1 });
    expect([result.total, result.pageCount]).toEqual([2, 2]);
    // the tender code too, typed in small letters
    expect(await idsOf({ q: exact.tender.code.toLowerCase() })).toEqual([exact.tender.id]);
  });

  it("filters by HPS range, both ends included, a tender without HPS in none", async () => {
    const low = await makeScheduledTender({ paket: { hps: 100_000_000n } });
    const high = await makeScheduledTender({ paket: { hps: 200_000_000n } });
    await makeScheduledTender({ paket: { hps: null } });
    expect(await idsOf({ hpsMin: 100_000_000n, hpsMax: 100_000_000n })).toEqual([low.tender.id]);
    expect(await idsOf({ hpsMin: 100_000_001n })).toEqual([high.tender.id]);
    expect(await idsOf({ hpsMax: 199_999_999n })).toEqual([low.tender.id]);
    expect((await idsOf({ hpsMin: 0n })).sort()).toEqual([low.tender.id, high.tender.id].sort());
  });

  it("filters by any part of the location, case and accents ignored, kept in step with the paket", async () => {
    const a = await makeScheduledTender();
    const b = await makeScheduledTender();
    await db.paket.update({ where: { id: a.paket.id }, data: { location: "Kabupaten Bandung Barat" } });
    await db.paket.update({ where: { id: b.paket.id }, data: { location: "Kota Bogor" } });
    expect(await idsOf({ location: "bandung" })).toEqual([a.tender.id]);
    expect(await idsOf({ location: "BARAT" })).toEqual([a.tender.id]);
    expect(await idsOf({ location: "bógor" })).toEqual([b.tender.id]);
    expect(await idsOf({ location: "50%" })).toEqual([]);
    await db.paket.update({ where: { id: b.paket.id }, data: { location: "Kota Bandung" } });
    expect((await idsOf({ location: "bandung" })).sort()).toEqual([a.tender.id, b.tender.id].sort());
  });

  it("combines the new filters with the keyword and the others", async () => {
    const a = await makeScheduledTender({
      paket: { name: "Rehabilitasi Jalan Desa", hps: 300_000_000n, fiscalYear: 2025 },
    });
    await makeScheduledTender({ paket: { name: "Rehabilitasi Jalan Desa", hps: 300_000_000n, fiscalYear: 2026 } });
    await makeScheduledTender({ paket: { name: "Rehabilitasi Jalan Desa", hps: 450_000_000n, fiscalYear: 2025 } });
    expect(await idsOf({ q: "rehabilitas jalan", year: 2025, hpsMax: 400_000_000n })).toEqual([a.tender.id]);
  });
});
