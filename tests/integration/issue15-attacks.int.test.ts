import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { draftTerms, makeSppbjTender } from "@/modules/contracts/testing/sppbj-tender";
import { makeActiveContract } from "@/modules/contracts/testing/active-contract";
import { draftContract } from "@/modules/contracts/server/draft-contract";
import { getContractView } from "@/modules/contracts/server/get-contract-view";
import { getDraftDefaults } from "@/modules/contracts/server/get-draft-defaults";
import { sendContract } from "@/modules/contracts/server/send-contract";
import { signContractAsPpk } from "@/modules/contracts/server/sign-contract-as-ppk";
import { signContractAsVendor } from "@/modules/contracts/server/sign-contract-as-vendor";
import { issueSpmk } from "@/modules/contracts/server/issue-spmk";
import { findPublicContract } from "@/modules/contracts/server/find-public-contract";
import { reportProgress } from "@/modules/contracts/server/report-progress";
import { recordPayment } from "@/modules/contracts/server/record-payment";
import { terminateContract } from "@/modules/contracts/server/terminate-contract";
import { decidePrequalification } from "@/modules/seleksi/server/decide-prequalification";
import { getVendorPrequalification } from "@/modules/seleksi/server/get-vendor-prequalification";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { makeActor, makeAgency } from "@/tests/factories";

/**
 * Issue 15 under attack (engineer K): a rival vendor, a PPK or Pokja of another agency or
 * Pokja, a stranger with a script. Each case is a read or write the use cases must refuse
 * at the data, or an input that must be a clear refusal rather than a 500.
 */
const NIP = draftTerms(() => "2026-01-01").ppkSignatoryNip;

async function drafted() {
  const made = await makeSppbjTender({ category: "PEKERJAAN_KONSTRUKSI" });
  const { contractId } = await draftContract(made.ppk, { tenderId: made.tender.id, ...draftTerms(made.day) });
  return { ...made, contractId, vendor: made.winner.penyedia, rival: made.losers[0]!.penyedia };
}

describe("e-Kontrak attacked", () => {
  it("a PPK of another agency learns nothing of the contract and can draft, send or sign none of it", async () => {
    const made = await drafted();
    const elsewhere = await makeAgency();
    const foreignPpk = await makeActor("PPK", elsewhere.id);
    await expect(getContractView(foreignPpk, made.contractId, "PPK")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDraftDefaults(foreignPpk, made.tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendContract(foreignPpk, { contractId: made.contractId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.contract.findUniqueOrThrow({ where: { id: made.contractId } })).status).toBe("DRAFT");
  });

  it("a second draft of the same tender is a conflict, not a unique-constraint 500", async () => {
    const made = await drafted();
    await expect(draftContract(made.ppk, { tenderId: made.tender.id, ...draftTerms(made.day) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("the winner does not see nor sign a draft before it is sent; a rival vendor never sees or signs", async () => {
    const made = await drafted();
    await expect(getContractView(made.vendor, made.contractId, "PENYEDIA")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(signContractAsVendor(made.vendor, { contractId: made.contractId })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await sendContract(made.ppk, { contractId: made.contractId });
    await expect(getContractView(made.rival, made.contractId, "PENYEDIA")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(signContractAsVendor(made.rival, { contractId: made.contractId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // the winner's user calling the PPK's step with a script
    await expect(signContractAsPpk(made.vendor, { contractId: made.contractId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // the PPK cannot sign before the vendor, nor issue an SPMK before both signed
    await expect(signContractAsPpk(made.ppk, { contractId: made.contractId })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(issueSpmk(made.ppk, { contractId: made.contractId, startsOn: made.day(2) })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect((await db.contract.findUniqueOrThrow({ where: { id: made.contractId } })).vendorSignedAt).toBeNull();
  });

  it("the public summary and every OCDS release of a signed contract carry no signatory NIP", async () => {
    const made = await drafted();
    await db.lpseInstance.update({ where: { id: made.agency.lpseId }, data: { ocidPrefix: "ocds-atk015" } });
    await sendContract(made.ppk, { contractId: made.contractId });
    await signContractAsVendor(made.vendor, { contractId: made.contractId });
    await signContractAsPpk(made.ppk, { contractId: made.contractId });
    const summary = await findPublicContract(made.tender.id);
    expect(summary).not.toBeNull();
    const text = JSON.stringify(summary, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain(NIP);
    expect(text).not.toContain("Ir. Pejabat Uji");
    const releases = await db.ocdsRelease.findMany({ where: { tenderId: made.tender.id }, select: { data: true } });
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases) expect(JSON.stringify(r.data)).not.toContain(NIP);
  });

  it("a rival vendor cannot report progress on another's contract; the PPK cannot pay before the BAST", async () => {
    const made = await makeActiveContract();
    const rival = made.losers[0]!.penyedia;
    const input = { contractId: made.contract.id, position: 1, percent: 100, note: "Selesai semua, kata pesaing." };
    await expect(reportProgress(rival, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordPayment(made.ppk, {
        contractId: made.contract.id,
        position: 1,
        amount: 400_000_000n,
        paidOn: made.now.toISOString().slice(0, 10),
        reference: "SP2D/0001",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    // a termin that does not exist: a clear refusal
    await expect(reportProgress(made.vendor, { ...input, position: 999 })).rejects.toMatchObject({
      code: expect.stringMatching(/INVALID_STATE|VALIDATION/),
    });
    const elsewhere = await makeAgency();
    await expect(
      terminateContract(await makeActor("PPK", elsewhere.id), {
        contractId: made.contract.id,
        ground: "LALAI_CIDERA_JANJI",
        reason: "Pemutusan oleh PPK instansi lain, tidak berhak.",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const after = await db.contract.findUniqueOrThrow({
      where: { id: made.contract.id },
      select: { status: true, termins: { select: { progressPercent: true, paidAt: true } } },
    });
    expect(after.status).toBe("ACTIVE");
    expect(after.termins.every((t) => t.progressPercent === 0 && t.paidAt === null)).toBe(true);
  });
});

describe("seleksi prakualifikasi attacked", () => {
  it("a Pokja member of another Pokja cannot decide an application", async () => {
    const made = await makeSeleksiTender({ shiftHours: -200 });
    const { application } = await makeApplication(made.tender.id);
    await expect(
      decidePrequalification(made.outsider, {
        applicationId: application.id,
        passed: false,
        score: 0,
        reason: "Digugurkan oleh anggota Pokja lain.",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await db.prequalificationApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.decidedAt).toBeNull();
  });

  it("a vendor's page never shows a DRAFT seleksi", async () => {
    const made = await makeSeleksiTender();
    await db.tender.update({ where: { id: made.tender.id }, data: { status: "DRAFT", publishedAt: null } });
    const { penyedia } = await makeApplication(made.tender.id);
    await expect(getVendorPrequalification(penyedia, made.tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
