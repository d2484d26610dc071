import { describe, expect, it } from "vitest";
import { ocdsChecks, validateRelease, validateReleasePackage } from "../../../../tests/setup/ocds-validator";
import { buildDirectProcurementRelease, buildNonTenderRelease } from "./build-other-releases";
import { buildTenderRelease, type TenderSnapshot } from "./build-tender-release";
import { NON_TENDER_MAPPING, type NonTenderKind } from "./mappings";
import type { OcdsRelease } from "./release-types";

const PREFIX = "ocds-segel1";
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour));
const meta = (position: number, tags: OcdsRelease["tag"] = ["tender"]) => ({
  prefix: PREFIX,
  position,
  date: at(20),
  tags,
  publicOrigin: "https://lpse.example.go.id",
});

const published: TenderSnapshot = {
  id: "8f7c7a52-5b49-4b0e-9e59-2f9a9e7f0001",
  code: "2026000001",
  name: "Pembangunan Jalan Desa",
  status: "PUBLISHED",
  method: "TENDER",
  category: "PEKERJAAN_KONSTRUKSI",
  evaluationMethod: "HARGA_TERENDAH",
  hps: 1_500_000_000n,
  agency: { id: "a1", name: "Pemerintah Kabupaten Contoh" },
  pokja: { id: "p1", name: "Pokja Pemilihan 1" },
  stages: [
    { kind: "PENGUMUMAN", startsAt: at(1), endsAt: at(3) },
    { kind: "PEMBERIAN_PENJELASAN", startsAt: at(3), endsAt: at(4) },
    { kind: "UPLOAD_PENAWARAN", startsAt: at(4), endsAt: at(10) },
    { kind: "PENGUMUMAN_PEMENANG", startsAt: at(14), endsAt: at(15) },
  ],
  documents: [
    {
      id: "d1",
      kind: "DOKUMEN_PEMILIHAN",
      fileName: "dokumen.pdf",
      mimeType: "application/pdf",
      sha256: "a".repeat(64),
      createdAt: at(1),
    },
  ],
  amendments: [],
  publishedAt: at(1),
  openedAt: null,
  sppbjIssuedAt: null,
  endReason: null,
  bidCount: null,
  validBidCount: null,
  tenderers: null,
  awards: [],
  hasBanding: false,
  previousTenderCode: null,
  transferredTo: null,
};
const opened: TenderSnapshot = { ...published, status: "EVALUATION", openedAt: at(10, 12), bidCount: 3 };
const winner = { id: "v1", name: "CV Maju Jaya" };
const announced: TenderSnapshot = {
  ...opened,
  status: "AWARDED",
  validBidCount: 2,
  tenderers: [winner, { id: "v2", name: "PT Karya" }, { id: "v3", name: "CV Tiga" }],
  awards: [{ supplier: winner, value: 1_320_000_000n, announcedAt: at(14), withdrawnAt: null }],
};
const completed: TenderSnapshot = {
  ...announced,
  status: "COMPLETED",
  sppbjIssuedAt: at(20),
  hasBanding: true,
  documents: [
    ...announced.documents,
    { ...announced.documents[0]!, id: "d2", kind: "SPPBJ", fileName: "sppbj.pdf", createdAt: at(20) },
  ],
};

const snapshots: [string, TenderSnapshot][] = [
  ["published", published],
  ["amended", { ...published, amendments: [{ id: "c1", date: at(2), rationale: "Adendum 1", description: "x" }] }],
  ["opened", opened],
  ["announced", announced],
  ["completed", completed],
  ["failed", { ...opened, status: "FAILED", endReason: "Tidak ada penawaran", bidCount: 0 }],
  ["cancelled", { ...published, status: "CANCELLED", endReason: "Anggaran dibatalkan" }],
  ["transferred", { ...published, status: "TRANSFERRED", transferredTo: { name: "LPSE Lain", url: "https://x.id/t" } }],
  [
    "withdrawn award",
    { ...announced, status: "EVALUATION", awards: [{ ...announced.awards[0]!, withdrawnAt: at(16) }] },
  ],
  ["retender, no HPS, no pokja", { ...published, previousTenderCode: "2026000000", hps: null, pokja: null }],
  ["seleksi", { ...published, method: "SELEKSI", category: "JASA_KONSULTANSI", evaluationMethod: "SISTEM_NILAI" }],
  ["tender cepat, no stages", { ...published, method: "TENDER_CEPAT", category: "BARANG", stages: [] }],
];

describe("buildTenderRelease", () => {
  it.each(snapshots)("%s: validates against OCDS 1.1.5 with zero errors", (_name, snapshot) => {
    const release = buildTenderRelease(snapshot, meta(1));
    expect(validateRelease(release)).toEqual([]);
    expect(ocdsChecks([release], PREFIX)).toEqual([]);
    const pkg = {
      uri: "https://lpse.example.go.id/x",
      version: "1.1",
      publishedDate: release.date,
      publisher: { name: "LPSE" },
      releases: [release],
    };
    expect(validateReleasePackage(pkg)).toEqual([]);
  });

  it("names the ocid and the release after the tender code and the position", () => {
    const release = buildTenderRelease(published, meta(3, ["tenderAmendment"]));
    expect(release.ocid).toBe("ocds-segel1-2026000001");
    expect(release.id).toBe("ocds-segel1-2026000001-3");
    expect(release.tag).toEqual(["tenderAmendment"]);
  });

  it("publishes the HPS total, the schedule windows and the documents with their hash", () => {
    const { tender } = buildTenderRelease(published, meta(1));
    expect(tender.value).toEqual({ amount: 1_500_000_000, currency: "IDR" });
    expect(tender.tenderPeriod).toEqual({ startDate: at(4).toISOString(), endDate: at(10).toISOString() });
    expect(tender.enquiryPeriod).toEqual({ startDate: at(3).toISOString(), endDate: at(4).toISOString() });
    expect(tender.awardPeriod).toEqual({ startDate: at(10).toISOString(), endDate: at(15).toISOString() });
    expect(tender.procurementMethod).toBe("open");
    expect(tender.mainProcurementCategory).toBe("works");
    expect(tender.documents).toEqual([
      expect.objectContaining({
        documentType: "biddingDocuments",
        url: "https://lpse.example.go.id/api/documents/d1",
        hash: "a".repeat(64),
      }),
    ]);
  });

  it("before the opening: no tenderers, no count, no bid statistics, no awards", () => {
    const release = buildTenderRelease(published, meta(1));
    expect(release.tender.tenderers).toBeUndefined();
    expect(release.tender.numberOfTenderers).toBeUndefined();
    expect(release.bids).toBeUndefined();
    expect(release.awards).toBeUndefined();
    expect(release.parties.map((p) => p.roles)).toEqual([["buyer"], ["procuringEntity"]]);
  });

  it("after the opening: the count and the bids statistic, still no names", () => {
    const release = buildTenderRelease(opened, meta(2));
    expect(release.tender.numberOfTenderers).toBe(3);
    expect(release.bids).toEqual({
      statistics: [{ id: "bids", measure: "bids", value: 3, date: at(10, 12).toISOString() }],
    });
    expect(release.tender.tenderers).toBeUndefined();
    expect(JSON.stringify(release)).not.toContain("CV Maju Jaya");
  });

  it("after the announcement: the tenderers, the pending award with the winner's price, the supplier party", () => {
    const release = buildTenderRelease(announced, meta(3, ["award"]));
    expect(release.tender.status).toBe("complete");
    expect(release.tender.tenderers).toHaveLength(3);
    expect(release.awards).toEqual([
      {
        id: "2026000001-award-1",
        status: "pending",
        date: at(14).toISOString(),
        value: { amount: 1_320_000_000, currency: "IDR" },
        suppliers: [{ id: "penyedia-v1", name: "CV Maju Jaya" }],
      },
    ]);
    expect(release.parties.find((p) => p.id === "penyedia-v1")?.roles).toEqual(["tenderer", "supplier"]);
  });

  it("after the SPPBJ: the award is active, dated by the SPPBJ, with its document; a banding names the review body", () => {
    const release = buildTenderRelease(completed, meta(4, ["awardUpdate"]));
    expect(release.awards?.[0]).toMatchObject({ status: "active", date: at(20).toISOString() });
    expect(release.awards?.[0]?.documents?.map((d) => d.documentType)).toEqual(["awardNotice"]);
    expect(release.tender.documents?.map((d) => d.id)).toEqual(["d1"]);
    expect(release.parties.find((p) => p.roles.includes("reviewBody"))?.name).toBe(
      "PA/KPA Pemerintah Kabupaten Contoh",
    );
  });

  it("a withdrawn award is cancelled and a new announcement is a second award", () => {
    const again: TenderSnapshot = {
      ...announced,
      awards: [
        { ...announced.awards[0]!, withdrawnAt: at(16) },
        { supplier: { id: "v2", name: "PT Karya" }, value: 1_400_000_000n, announcedAt: at(18), withdrawnAt: null },
      ],
    };
    const release = buildTenderRelease(again, meta(6, ["award"]));
    expect(release.awards?.map((a) => [a.id, a.status])).toEqual([
      ["2026000001-award-1", "cancelled"],
      ["2026000001-award-2", "pending"],
    ]);
  });

  it("maps the end of a tender to the OCDS status", () => {
    const status = (s: TenderSnapshot) => buildTenderRelease(s, meta(1)).tender.status;
    expect(status({ ...opened, status: "FAILED" })).toBe("unsuccessful");
    expect(status({ ...published, status: "CANCELLED" })).toBe("cancelled");
    expect(status({ ...published, status: "TRANSFERRED", transferredTo: { name: "L", url: "u" } })).toBe("withdrawn");
  });

  it("links a tender ulang to the failed tender it repeats", () => {
    const release = buildTenderRelease({ ...published, previousTenderCode: "2026000000" }, meta(1));
    expect(release.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["unsuccessfulProcess"], identifier: "ocds-segel1-2026000000" }),
    ]);
  });
});

describe("the releases of a pengadaan langsung and a non-tender record", () => {
  const dp = {
    id: "0b0b0b0b-0000-4000-8000-000000000001",
    stage: "invited" as const,
    paket: { name: "Alat Tulis", rupCode: "RUP-1", category: "BARANG" as const, hps: 150_000_000n },
    agency: { id: "a1", name: "Dinas" },
    workUnit: { id: "w1", name: "Satker Umum" },
    vendor: { id: "v1", name: "CV Maju" },
    invitedAt: at(1),
    contractNumber: null,
    contractValue: null,
    completedAt: null,
  };

  it("invited: a tender release that names no vendor; completed: award and contract", () => {
    const invited = buildDirectProcurementRelease(dp, { prefix: PREFIX, position: 1, date: at(1) });
    expect(invited.ocid).toBe(`ocds-segel1-pl-${dp.id}`);
    expect(invited.tender.procurementMethod).toBe("direct");
    expect(JSON.stringify(invited)).not.toContain("CV Maju");
    const done = buildDirectProcurementRelease(
      { ...dp, stage: "completed", contractNumber: "SPK-1", contractValue: 140_000_000n, completedAt: at(5) },
      { prefix: PREFIX, position: 2, date: at(5) },
    );
    expect(done.tag).toEqual(["award", "contract"]);
    expect(done.contracts?.[0]).toMatchObject({ id: "SPK-1", value: { amount: 140_000_000 } });
    for (const release of [invited, done]) expect(validateRelease(release)).toEqual([]);
    expect(ocdsChecks([invited, done], PREFIX)).toEqual([]);
  });

  it.each(Object.keys(NON_TENDER_MAPPING) as NonTenderKind[])("non-tender %s validates", (kind) => {
    const release = buildNonTenderRelease(
      {
        id: "0c0c0c0c-0000-4000-8000-000000000001",
        name: "Perbaikan Genset",
        rupCode: null,
        category: "JASA_LAINNYA",
        kind,
        reason: "Sistem tidak dapat diakses",
        value: 90_000_000n,
        vendorName: "CV Listrik",
        realizedOn: at(2),
        agency: { id: "a1", name: "Dinas" },
        workUnit: { id: "w1", name: "Satker Umum" },
        documents: [],
      },
      { prefix: PREFIX, position: 1, date: at(3), publicOrigin: "https://lpse.example.go.id" },
    );
    expect(release.tag).toEqual(["tender", "award", "contract"]);
    expect(release.tender.procurementMethodDetails).toBe(NON_TENDER_MAPPING[kind].procurementMethodDetails);
    expect(validateRelease(release)).toEqual([]);
    expect(ocdsChecks([release], PREFIX)).toEqual([]);
  });
});
