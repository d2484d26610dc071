import { describe, expect, it } from "vitest";
import { actorFor, makeScheduledTender, makeUser, makeVendor } from "@/tests/factories";
import type { ProcurementCategory } from "@/modules/paket/domain";
import { db, dbNow } from "@/server/db";
import { matchesSearch, type SearchFilters, type TenderForMatch } from "../domain/match";
import { matchingSearchesSql } from "./match-tender";

const tenderFields: TenderForMatch = {
  requiredKbli: ["41011", "42101"],
  location: "Kota Bándung, JAWA Barat",
  category: "PEKERJAAN_KONSTRUKSI",
  hps: 500_000_000n,
  name: "Pembangunan Gedung Puskesmas Cibeunying",
};

/** Filters across every rule's edges; the SQL must answer each exactly as domain/match.ts does. */
const cases: Partial<SearchFilters>[] = [
  {},
  { kbli: ["42101"] },
  { kbli: ["46900"] },
  { kbli: ["46900", "41011"] },
  { region: "bandung" },
  { region: "  jawa   barat" },
  { region: "Bándúng" },
  { region: "Surabaya" },
  { categories: ["PEKERJAAN_KONSTRUKSI", "BARANG"] },
  { categories: ["BARANG"] },
  { minValue: 500_000_000n, maxValue: 500_000_000n },
  { minValue: 500_000_001n },
  { maxValue: 499_999_999n },
  { minValue: 0n },
  { keyword: "puskesmas GEDUNG" },
  { keyword: "puskes" },
  { keyword: "gédung" },
  { keyword: "gedung sekolah" },
  { kbli: ["41011"], region: "bandung", categories: ["PEKERJAAN_KONSTRUKSI"], keyword: "gedung", maxValue: 1n },
];
const none: SearchFilters = { kbli: [], region: null, categories: [], minValue: null, maxValue: null, keyword: null };

async function tenderWith(t: TenderForMatch) {
  const { tender, paket } = await makeScheduledTender({
    paket: { name: t.name, category: t.category as "PEKERJAAN_KONSTRUKSI", hps: t.hps },
  });
  await db.paket.update({ where: { id: paket.id }, data: { location: t.location } });
  await db.tender.update({ where: { id: tender.id }, data: { requiredKbli: [...t.requiredKbli] } });
  return tender;
}

async function searchesFor(filters: Partial<SearchFilters>[], matchedUntil: Date) {
  const vendor = await makeVendor();
  const user = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
  const ids: string[] = [];
  for (const [i, f] of filters.entries()) {
    const row = await db.savedSearch.create({
      data: {
        ...none,
        ...f,
        kbli: [...(f.kbli ?? [])],
        categories: [...(f.categories ?? [])] as ProcurementCategory[],
        name: `Kasus ${i}`,
        userId: user.userId,
        vendorId: vendor.id,
        frequency: "IMMEDIATE",
        matchedUntil,
      },
    });
    ids.push(row.id);
  }
  return { vendor, user, ids };
}

const matchedIds = async (tenderId: string, lag = 60) =>
  (await db.$queryRaw<{ id: string }[]>(matchingSearchesSql(tenderId, lag))).map((r) => r.id).sort();

describe("matchingSearchesSql", () => {
  it("answers as domain/match.ts for every case, for a tender with and without required KBLI and HPS", async () => {
    for (const fields of [tenderFields, { ...tenderFields, requiredKbli: [], hps: null }]) {
      const tender = await tenderWith(fields);
      const { ids } = await searchesFor(cases, new Date(0));
      const expected = ids.filter((_, i) => matchesSearch(fields, { ...none, ...cases[i] })).sort();
      const found = (await matchedIds(tender.id)).filter((id) => ids.includes(id));
      expect(found).toEqual(expected);
      // the cases do tell tenders apart
      expect(expected.length).toBeGreaterThan(2);
      expect(expected.length).toBeLessThan(ids.length);
    }
  });

  it("leaves out searches made after the tender's publication (beyond the lag) and owners who may not be told", async () => {
    const tender = await tenderWith(tenderFields);
    const now = await dbNow();
    const later = new Date(now.getTime() + 3_600_000);
    const fresh = await searchesFor([{}], later);
    expect(await matchedIds(tender.id)).not.toContain(fresh.ids[0]);

    const kept = await searchesFor([{}], new Date(0));
    const disabled = await searchesFor([{}], new Date(0));
    await db.user.update({ where: { id: disabled.user.userId }, data: { isDisabled: true } });
    const rejected = await searchesFor([{}], new Date(0));
    await db.vendor.update({ where: { id: rejected.vendor.id }, data: { status: "REJECTED" } });
    const revoked = await searchesFor([{}], new Date(0));
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    await db.roleMembership.updateMany({
      where: { userId: revoked.user.userId },
      data: { revokedAt: now, revokedById: admin.id },
    });
    const left = await searchesFor([{}], new Date(0));
    await db.user.update({ where: { id: left.user.userId }, data: { vendorId: (await makeVendor()).id } });

    expect(await matchedIds(tender.id)).toEqual(kept.ids);
  });
});
