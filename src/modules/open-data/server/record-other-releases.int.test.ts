import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { cancelDirectProcurement } from "@/modules/direct-procurement/server/cancel-direct-procurement";
import { completeDirectProcurement } from "@/modules/direct-procurement/server/complete-direct-procurement";
import { inviteVendor } from "@/modules/direct-procurement/server/invite-vendor";
import { submitQuotation } from "@/modules/direct-procurement/server/submit-quotation";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { publishNonTenderDocuments } from "@/modules/non-tender/server/publish-non-tender-documents";
import { recordNonTender } from "@/modules/non-tender/server/record-non-tender";
import { db } from "@/server/db";
import { actorFor, makeAgency, makeDirectPaket, makeUser, makeVendor, PDF_BYTES } from "@/tests/factories";
import { ocdsChecks, validateRelease } from "@/tests/setup/ocds-validator";

const PREFIX = "ocds-uji002";
const QUOTED = 141_234_567n;

const releases = (where: { directProcurementId?: string; nonTenderRecordId?: string }) =>
  db.ocdsRelease.findMany({
    where,
    orderBy: { position: "asc" },
    select: { ocid: true, position: true, tags: true, fiscalYear: true, data: true },
  });

async function invitedPaket() {
  const made = await makeDirectPaket();
  await db.lpseInstance.update({ where: { id: made.agency.lpseId }, data: { ocidPrefix: PREFIX } });
  const vendor = await makeVendor({ name: "CV Rahasia Sampai Selesai" });
  const pp = actorFor(made.pp);
  const { id } = await inviteVendor(pp, { paketId: made.paket.id, vendorId: vendor.id });
  const penyedia = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
  await submitQuotation(penyedia, { directProcurementId: id, price: QUOTED });
  return { ...made, pp, dpId: id, vendor };
}

describe("the releases of a pengadaan langsung", () => {
  it("invitation then result: tender, then award and contract; the quotation and the vendor stay private until the result", async () => {
    const { pp, paket, dpId, vendor } = await invitedPaket();
    await completeDirectProcurement(pp, {
      paketId: paket.id,
      contractNumber: "SPK/1/PL/2026",
      contractValue: 140_000_000n,
    });
    const rows = await releases({ directProcurementId: dpId });
    expect(rows.map((r) => [r.position, r.tags])).toEqual([
      [1, ["tender"]],
      [2, ["award", "contract"]],
    ]);
    expect(rows[0]!.ocid).toBe(`${PREFIX}-pl-${dpId}`);
    for (const r of rows) expect(validateRelease(r.data)).toEqual([]);
    expect(ocdsChecks({ releases: rows.map((r) => r.data) }, PREFIX)).toEqual([]);
    expect(JSON.stringify(rows[0]!.data)).not.toContain(vendor.name);
    expect(JSON.stringify(rows.map((r) => r.data))).not.toContain(String(QUOTED));
    expect(rows[1]!.data).toMatchObject({
      awards: [{ status: "active", value: { amount: 140_000_000 }, suppliers: [{ name: vendor.name }] }],
      contracts: [{ id: "SPK/1/PL/2026", status: "active" }],
    });
  });

  it("a cancellation is a tenderCancellation", async () => {
    const { pp, paket, dpId } = await invitedPaket();
    await cancelDirectProcurement(pp, { paketId: paket.id, reason: "Kebutuhan dibatalkan oleh PPK." });
    const rows = await releases({ directProcurementId: dpId });
    expect(rows.map((r) => r.tags)).toEqual([["tender"], ["tenderCancellation"]]);
    expect(rows[1]!.data).toMatchObject({ tender: { status: "cancelled" } });
    expect(validateRelease(rows[1]!.data)).toEqual([]);
  });
});

describe("the releases of a non-tender record", () => {
  it("one release when recorded, in the realisation year of the agency's zone; another when its documents are published", async () => {
    const agency = await makeAgency({ timeZone: "Asia/Jayapura" });
    await db.lpseInstance.update({ where: { id: agency.lpseId }, data: { ocidPrefix: PREFIX } });
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
    const { id } = await recordNonTender(ppk, {
      workUnitId: agency.workUnits[0]!.id,
      name: "Pengadaan obat darurat banjir",
      rupCode: "RUP-2026-991",
      category: "BARANG",
      kind: "DARURAT",
      reason: "Banjir: obat dibutuhkan segera.",
      value: 87_500_000n,
      vendorName: "PT Farmasi Nusantara",
      realizedOn: "2026-01-01",
    });
    const first = await releases({ nonTenderRecordId: id });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      ocid: `${PREFIX}-nt-${id}`,
      tags: ["tender", "award", "contract"],
      fiscalYear: 2026,
    });
    expect(first[0]!.data).toMatchObject({
      tender: { procurementMethod: "direct", procurementMethodDetails: "Non-Tender: Pengadaan Darurat" },
    });
    expect(validateRelease(first[0]!.data)).toEqual([]);

    const doc = await uploadDocument(ppk, {
      target: { nonTenderRecordId: id },
      kind: "LAINNYA",
      fileName: "Kontrak.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    await publishNonTenderDocuments(ppk, { nonTenderRecordId: id });
    const all = await releases({ nonTenderRecordId: id });
    expect(all.map((r) => r.tags)).toEqual([["tender", "award", "contract"], ["tenderUpdate"]]);
    expect(all[1]!.data).toMatchObject({ tender: { documents: [{ id: doc.id, title: "Kontrak.pdf" }] } });
    expect(validateRelease(all[1]!.data)).toEqual([]);
    expect(ocdsChecks({ releases: all.map((r) => r.data) }, PREFIX)).toEqual([]);
  });
});
