import { describe, expect, it } from "vitest";
import { makeAgency, makeUser } from "../../../../tests/factories";
import { searchAgencies } from "@/modules/organisation/server/search-agencies";
import { db } from "@/server/db";
import { searchNonTenderRecords } from "./search-non-tender-records";

// The /cari page's other two sections: non-tender records (searched like tenders, through
// their own folded text and indexes) and agencies (name and code).

async function makeRecord(
  agency: Awaited<ReturnType<typeof makeAgency>>,
  name: string,
  vendorName: string,
  daysAgo = 1,
) {
  const user = await makeUser();
  return db.nonTenderRecord.create({
    data: {
      agencyId: agency.id,
      workUnitId: agency.workUnits[0]!.id,
      rupCode: `NT-${name.length}-${daysAgo}`,
      name,
      category: "BARANG",
      kind: "SWAKELOLA",
      reason: "Di bawah nilai tender",
      value: 25_000_000n,
      vendorName,
      realizedOn: new Date(Date.UTC(2026, 0, 30 - daysAgo)),
      recordedById: user.id,
      recordedAt: new Date(Date.UTC(2026, 0, 30)),
    },
  });
}

const idsOf = async (q: string) => (await searchNonTenderRecords(q)).records.map((r) => r.id);

describe("searchNonTenderRecords", () => {
  it("finds a record by name, vendor, RUP code or agency, case, accents and typos aside, newest first", async () => {
    const agency = await makeAgency({ name: "Dinas Pendidikan Kota Ambon" });
    const copies = await makeRecord(agency, "Jasa Fotokopi dan Penjilidan", "Toko Sinar Jaya", 2);
    const fuel = await makeRecord(agency, "Pembelian Bahan Bakar Kendaraan Dinas", "SPBU Élite Mandiri", 1);
    expect(await idsOf("FOTOKOPI")).toEqual([copies.id]);
    expect(await idsOf("fotokopy")).toEqual([copies.id]);
    expect(await idsOf("elite")).toEqual([fuel.id]);
    expect(await idsOf("sinar jaya")).toEqual([copies.id]);
    expect(await idsOf(copies.rupCode!)).toEqual([copies.id]);
    expect(await idsOf("ambon")).toEqual([fuel.id, copies.id]);
    expect(await idsOf("zzqx")).toEqual([]);
    expect((await searchNonTenderRecords("ambon")).total).toBe(2);
  });

  it("follows a renamed agency", async () => {
    const agency = await makeAgency({ name: "Dinas Lama" });
    const record = await makeRecord(agency, "Belanja Alat Tulis", "CV Pena");
    await db.agency.update({ where: { id: agency.id }, data: { name: "Badan Perencanaan Pembangunan Daerah" } });
    expect(await idsOf("perencanaan")).toEqual([record.id]);
    expect(await idsOf("dinas lama")).toEqual([]);
  });
});

describe("searchAgencies", () => {
  it("finds an agency by part of its name or code, case and accents aside, an exact code first", async () => {
    const a = await makeAgency({ name: "Pemerintah Kota Bogor" });
    const b = await makeAgency({ name: "Rumah Sakit Umum Daerah Bógor" });
    expect((await searchAgencies("BOGOR")).map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await searchAgencies(b.code.toLowerCase())).map((x) => x.id)[0]).toBe(b.id);
    expect(await searchAgencies("50%")).toEqual([]);
  });
});
