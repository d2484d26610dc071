import { describe, expect, it } from "vitest";
import { validateRelease } from "../../../../tests/setup/ocds-validator";
import { CONTRACT_STATUS_MAPPING, type SnapshotContract } from "./build-contract-release";
import { buildTenderRelease, type TenderSnapshot } from "./build-tender-release";

const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9));
const winner = { id: "v1", name: "CV Maju Jaya" };
const completed: TenderSnapshot = {
  id: "8f7c7a52-5b49-4b0e-9e59-2f9a9e7f0001",
  code: "2026000001",
  name: "Pembangunan Jalan Desa",
  status: "COMPLETED",
  method: "TENDER",
  category: "PEKERJAAN_KONSTRUKSI",
  evaluationMethod: "HARGA_TERENDAH",
  hps: 1_500_000_000n,
  agency: { id: "a1", name: "Pemerintah Kabupaten Contoh" },
  pokja: { id: "p1", name: "Pokja Pemilihan 1" },
  stages: [{ kind: "UPLOAD_PENAWARAN", startsAt: at(1), endsAt: at(5) }],
  documents: [],
  amendments: [],
  publishedAt: at(1),
  openedAt: at(5),
  sppbjIssuedAt: at(10),
  endReason: null,
  bidCount: 2,
  validBidCount: 1,
  tenderers: [winner],
  awards: [{ supplier: winner, value: 1_320_000_000n, announcedAt: at(7), withdrawnAt: null }],
  hasBanding: false,
  previousTenderCode: null,
  transferredTo: null,
};
const contract: SnapshotContract = {
  number: "KONTRAK/2026000001/KAB/2026",
  status: "ACTIVE",
  value: 1_400_000_000n,
  startsOn: at(12),
  endsOn: at(30),
  ppkSignedAt: at(11),
  terminatedAt: null,
  terminationReason: null,
  terminationGround: null,
  addenda: [
    {
      number: 1,
      reason: "Pekerjaan tambah drainase",
      valueBefore: 1_320_000_000n,
      valueAfter: 1_400_000_000n,
      endsOnBefore: at(28),
      endsOnAfter: at(30),
      createdAt: at(20),
    },
  ],
  termins: [
    {
      position: 1,
      description: "Termin I",
      amount: 560_000_000n,
      dueOn: at(20),
      bastAt: at(19),
      paidAmount: 560_000_000n,
      paidAt: at(21),
    },
    {
      position: 2,
      description: "Termin II",
      amount: 840_000_000n,
      dueOn: at(30),
      bastAt: null,
      paidAmount: null,
      paidAt: null,
    },
  ],
};
const meta = {
  prefix: "ocds-segel1",
  position: 9,
  date: at(21),
  tags: ["implementation" as const],
  publicOrigin: "https://x.id",
};

describe("the contract in a tender's release", () => {
  it("carries status, value, period, amendments, milestones and payments, and validates against OCDS 1.1.5", () => {
    const release = buildTenderRelease({ ...completed, contract }, meta);
    expect(validateRelease(release)).toEqual([]);
    const [c] = release.contracts!;
    expect(c).toMatchObject({
      id: contract.number,
      awardID: "2026000001-award-1",
      status: "active",
      value: { amount: 1_400_000_000, currency: "IDR" },
      dateSigned: at(11).toISOString(),
      amendments: [{ id: "adendum-kontrak-1", rationale: "Pekerjaan tambah drainase" }],
    });
    expect(c!.implementation!.milestones!.map((m) => m.status)).toEqual(["met", "scheduled"]);
    expect(c!.implementation!.transactions).toEqual([
      expect.objectContaining({
        value: { amount: 560_000_000, currency: "IDR" },
        payee: { id: "penyedia-v1", name: "CV Maju Jaya" },
      }),
    ]);
  });

  it("says why a terminated contract ended, and is absent without a contract or a standing award", () => {
    const ended = {
      ...contract,
      status: "TERMINATED" as const,
      terminatedAt: at(25),
      terminationReason: "Wanprestasi",
      terminationGround: "LALAI_CIDERA_JANJI" as const,
    };
    const release = buildTenderRelease({ ...completed, contract: ended }, meta);
    expect(validateRelease(release)).toEqual([]);
    expect(release.contracts![0]).toMatchObject({
      status: "terminated",
      description:
        "Kontrak diputus (Penyedia lalai/cidera janji dan tidak memperbaikinya dalam waktu yang ditetapkan): Wanprestasi",
    });
    // terminated before grounds were recorded: the reason alone
    const legacy = buildTenderRelease({ ...completed, contract: { ...ended, terminationGround: null } }, meta);
    expect(validateRelease(legacy)).toEqual([]);
    expect(legacy.contracts![0]).toMatchObject({ description: "Kontrak diputus: Wanprestasi" });
    expect(buildTenderRelease(completed, meta).contracts).toBeUndefined();
    const withdrawn = { ...completed, contract, awards: [{ ...completed.awards[0]!, withdrawnAt: at(8) }] };
    expect(buildTenderRelease(withdrawn, meta).contracts).toBeUndefined();
  });

  it("maps every Segel status to the closed codelist", () => {
    expect(CONTRACT_STATUS_MAPPING).toEqual({
      DRAFT: "pending",
      VENDOR_REVIEW: "pending",
      SIGNED: "active",
      ACTIVE: "active",
      COMPLETED: "terminated",
      TERMINATED: "terminated",
    });
  });
});
