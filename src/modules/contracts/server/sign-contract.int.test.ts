import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { makeActor, makeAgency } from "@/tests/factories";
import { ocdsChecks, validateRelease } from "@/tests/setup/ocds-validator";
import { draftTerms, makeSppbjTender } from "../testing/sppbj-tender";
import { draftContract } from "./draft-contract";
import { findPublicContract } from "./find-public-contract";
import { getContractView } from "./get-contract-view";
import { issueSpmk } from "./issue-spmk";
import { requestContractChange } from "./request-contract-change";
import { sendContract } from "./send-contract";
import { signContractAsPpk } from "./sign-contract-as-ppk";
import { signContractAsVendor } from "./sign-contract-as-vendor";
import { updateContract } from "./update-contract";

const PREFIX = "ocds-uji001";

async function drafted() {
  const made = await makeSppbjTender({ category: "PEKERJAAN_KONSTRUKSI" });
  await db.lpseInstance.update({ where: { id: made.agency.lpseId }, data: { ocidPrefix: PREFIX } });
  const { contractId } = await draftContract(made.ppk, { tenderId: made.tender.id, ...draftTerms(made.day) });
  return { ...made, contractId, vendor: made.winner.penyedia };
}

const stateOf = (id: string) =>
  db.contract.findUniqueOrThrow({
    where: { id },
    select: { status: true, vendorNote: true, vendorSignedById: true, ppkSignedById: true, spmkNumber: true },
  });

describe("the contract's review, signing and SPMK", () => {
  it("walks DRAFT -> review -> change asked -> review -> vendor signs -> PPK signs -> SPMK, each audited and told", async () => {
    const made = await drafted();
    const { contractId, vendor, ppk } = made;
    await sendContract(ppk, { contractId });
    expect(await db.notification.count({ where: { kind: "contract.sent", userId: vendor.userId } })).toBe(1);
    await requestContractChange(vendor, { contractId, note: "Mohon termin I menjadi 30% karena uang muka." });
    expect(await stateOf(contractId)).toMatchObject({ status: "DRAFT", vendorNote: expect.stringMatching(/termin I/) });
    expect(await db.notification.count({ where: { kind: "contract.changeRequested", userId: ppk.userId } })).toBe(1);
    await sendContract(ppk, { contractId });
    expect((await stateOf(contractId)).vendorNote).toBeNull();

    await signContractAsVendor(vendor, { contractId });
    expect(await stateOf(contractId)).toMatchObject({ status: "VENDOR_REVIEW", vendorSignedById: vendor.userId });
    // not public before both signed
    expect(await findPublicContract(made.tender.id)).toBeNull();
    const { documentId } = await signContractAsPpk(ppk, { contractId });
    expect(await stateOf(contractId)).toMatchObject({ status: "SIGNED", ppkSignedById: ppk.userId });
    expect(
      await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { kind: true, isPublic: true } }),
    ).toEqual({ kind: "KONTRAK", isPublic: false });
    expect(await db.notification.count({ where: { kind: "contract.signed", userId: vendor.userId } })).toBe(1);
    // the contract's PDF: for the contract's vendor and the agency, not for another vendor or the public
    await expect(getDocumentForDownload(vendor, documentId)).resolves.toMatchObject({ kind: "KONTRAK" });
    await expect(getDocumentForDownload(made.losers[0]!.penyedia, documentId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getDocumentForDownload(null, documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const summary = await findPublicContract(made.tender.id);
    expect(summary).toMatchObject({ status: "SIGNED", value: 452_750_000n, addendaCount: 0 });
    expect(JSON.stringify(summary, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /Pejabat Uji|198001012005011001|Direktur Uji/,
    );

    const spmk = await issueSpmk(ppk, { contractId, startsOn: made.day(1) });
    expect(spmk.spmkNumber).toMatch(/^SPMK\//);
    expect(await stateOf(contractId)).toMatchObject({ status: "ACTIVE", spmkNumber: spmk.spmkNumber });

    const actions = await db.auditEvent.findMany({
      where: { entityId: contractId },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "contract.drafted",
      "contract.sent",
      "contract.changeRequested",
      "contract.sent",
      "contract.vendorSigned",
      "contract.signed",
      "contract.spmkIssued",
    ]);
    // the tender's OCDS releases gained the contract: signed, then active
    const releases = await db.ocdsRelease.findMany({
      where: { tenderId: made.tender.id },
      orderBy: { position: "asc" },
      select: { tags: true, data: true },
    });
    const [signed, active] = releases.slice(-2);
    // (the factory's tender had no release under this prefix yet: its first is also its "tender" release)
    expect(signed!.tags).toContain("contract");
    expect(active!.tags).toEqual(["contractUpdate"]);
    expect((active!.data as { contracts: unknown[] }).contracts).toEqual([
      expect.objectContaining({ status: "active", value: { amount: 452_750_000, currency: "IDR" } }),
    ]);
    for (const release of releases) expect(validateRelease(release.data)).toEqual([]);
    expect(
      ocdsChecks(
        releases.slice(-2).map((r) => r.data),
        PREFIX,
      ),
    ).toEqual([]);
  });

  // Attack (issue 15): the draft names someone who is not on the vendor's direksi (a staff
  // member, a rival's man); the company is not bound by their signature (UU 40/2007 Pasal 98).
  it("refuses the vendor's signature when the draft's signatory is not on its direksi; the PPK corrects it, then it signs", async () => {
    const made = await drafted();
    const { contractId, vendor, ppk } = made;
    await updateContract(ppk, { contractId, ...draftTerms(made.day), vendorSignatoryName: "Budi Staf Gudang" });
    await sendContract(ppk, { contractId });
    await expect(signContractAsVendor(vendor, { contractId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contract.vendorSignatoryNotDireksi",
      values: { name: "Budi Staf Gudang" },
    });
    expect(await stateOf(contractId)).toMatchObject({ status: "VENDOR_REVIEW", vendorSignedById: null });
    expect(await db.auditEvent.count({ where: { entityId: contractId, action: "contract.vendorSigned" } })).toBe(0);

    // the way out: the vendor asks for the change, the PPK names the director as typed anyhow
    await requestContractChange(vendor, { contractId, note: "Penandatangan kami adalah Direktur Utama." });
    await updateContract(ppk, { contractId, ...draftTerms(made.day), vendorSignatoryName: "DIREKTUR  UJI" });
    await sendContract(ppk, { contractId });
    await signContractAsVendor(vendor, { contractId });
    expect(await stateOf(contractId)).toMatchObject({ vendorSignedById: vendor.userId });
  });

  // The director is away: a manager signs under a surat kuasa from a director (UU 40/2007
  // Pasal 103, from memory). Each way to abuse it is refused, and nothing is signed.
  it("lets a non-director sign under a director's surat kuasa, and refuses one from a non-director or dated after the signing", async () => {
    const made = await drafted();
    const { contractId, vendor, ppk, day } = made;
    const manager = { vendorSignatoryName: "Andi Manajer Proyek", vendorSignatoryPosition: "Manajer Proyek" };
    const mandate = { vendorMandateNumber: "SK-07/DIR/XII/2026", vendorMandateDate: day(0) };

    const refused = async (grantor: string, date: string, messageKey: string) => {
      await updateContract(ppk, {
        contractId,
        ...draftTerms(day),
        ...manager,
        ...mandate,
        vendorMandateDate: date,
        vendorMandateGrantor: grantor,
      });
      await sendContract(ppk, { contractId });
      await expect(signContractAsVendor(vendor, { contractId })).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey,
      });
      expect(await stateOf(contractId)).toMatchObject({ status: "VENDOR_REVIEW", vendorSignedById: null });
      await requestContractChange(vendor, { contractId, note: "Surat kuasa perlu diperbaiki." });
    };
    // the grantor is the manager himself, then a power dated after today
    await refused("Andi Manajer Proyek", day(0), "contract.mandateGrantorNotDireksi");
    await refused("Direktur Uji", day(3), "contract.mandateAfterSigning");
    expect(await db.auditEvent.count({ where: { entityId: contractId, action: "contract.vendorSigned" } })).toBe(0);

    await updateContract(ppk, {
      contractId,
      ...draftTerms(day),
      ...manager,
      ...mandate,
      vendorMandateGrantor: "DIREKTUR UJI",
    });
    await sendContract(ppk, { contractId });
    await signContractAsVendor(vendor, { contractId });
    expect(await stateOf(contractId)).toMatchObject({ vendorSignedById: vendor.userId });
    const signed = await db.auditEvent.findFirstOrThrow({
      where: { entityId: contractId, action: "contract.vendorSigned" },
      select: { data: true },
    });
    expect(signed.data).toMatchObject({
      vendorSignatoryName: "Andi Manajer Proyek",
      mandate: { number: "SK-07/DIR/XII/2026", grantor: "DIREKTUR UJI" },
    });
    // both sides read it on the contract's page
    const view = await getContractView(vendor, contractId, "PENYEDIA");
    expect(view).toMatchObject({ vendorMandateNumber: "SK-07/DIR/XII/2026", vendorMandateGrantor: "DIREKTUR UJI" });
  });

  it("takes a surat kuasa whole or not at all: each missing part is named, nothing is written, and PostgreSQL holds it too", async () => {
    const { contractId, ppk, day } = await drafted();
    const before = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
    await expect(
      updateContract(ppk, { contractId, ...draftTerms(day), vendorMandateNumber: "SK-1", vendorMandateDate: "" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        vendorMandateDate: ["contract.mandateIncomplete"],
        vendorMandateGrantor: ["contract.mandateIncomplete"],
      },
    });
    await expect(
      updateContract(ppk, { contractId, ...draftTerms(day), vendorMandateGrantor: "x".repeat(201) }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { vendorMandateGrantor: ["contract.mandateTooLong"] } });
    expect(await db.contract.findUniqueOrThrow({ where: { id: contractId } })).toEqual(before);
    // a write that skips the use case meets the CHECK
    await expect(
      db.$executeRaw`UPDATE "Contract" SET "vendorMandateNumber" = 'SK-1' WHERE id = ${contractId}::uuid`,
    ).rejects.toThrow(/Contract_vendor_mandate_whole/);
    await expect(
      db.$executeRaw`UPDATE "Contract" SET "vendorMandateNumber" = ' ', "vendorMandateDate" = now(), "vendorMandateGrantor" = 'Direktur Uji' WHERE id = ${contractId}::uuid`,
    ).rejects.toThrow(/Contract_vendor_mandate_whole/);
  });

  it("refuses each step out of order and writes nothing", async () => {
    const { contractId, vendor, ppk, day } = await drafted();
    await expect(signContractAsVendor(vendor, { contractId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contract.notInReview",
    });
    await expect(issueSpmk(ppk, { contractId, startsOn: day(1) })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contract.notSigned",
    });
    await sendContract(ppk, { contractId });
    await expect(signContractAsPpk(ppk, { contractId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contract.vendorNotSigned",
    });
    await expect(sendContract(ppk, { contractId })).rejects.toMatchObject({ messageKey: "contract.notDraft" });
    await signContractAsVendor(vendor, { contractId });
    await expect(requestContractChange(vendor, { contractId, note: "Terlambat." })).rejects.toMatchObject({
      messageKey: "contract.alreadySigned",
    });
    await signContractAsPpk(ppk, { contractId });
    // the SPMK's day lies within the period
    await expect(issueSpmk(ppk, { contractId, startsOn: day(200) })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contract.spmkOutsidePeriod",
    });
    expect(await stateOf(contractId)).toMatchObject({ status: "SIGNED", spmkNumber: null });
    expect(await db.document.count({ where: { kind: "SPMK" } })).toBe(0);
  });

  it("lets only each side act: the Pokja, another vendor's user and another agency's PPK learn nothing", async () => {
    const made = await drafted();
    const { contractId, vendor, ppk } = made;
    const otherPpk = await makeActor("PPK", (await makeAgency()).id);
    const otherVendor = made.losers[0]!.penyedia;
    for (const actor of [made.pokja, otherPpk, vendor])
      await expect(sendContract(actor, { contractId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sendContract(ppk, { contractId });
    for (const actor of [made.pokja, otherVendor, ppk]) {
      await expect(signContractAsVendor(actor, { contractId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(requestContractChange(actor, { contractId, note: "Ubah." })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await signContractAsVendor(vendor, { contractId });
    for (const actor of [made.pokja, otherPpk, vendor])
      await expect(signContractAsPpk(actor, { contractId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(contractId)).toMatchObject({ status: "VENDOR_REVIEW", ppkSignedById: null });
  });

  it("lets another PPK of the same agency read the contract but take none of its steps", async () => {
    const made = await drafted();
    const { contractId, vendor, ppk } = made;
    const colleague = await makeActor("PPK", made.agency.id);
    await expect(getContractView(colleague, contractId, "PPK")).resolves.toMatchObject({ mayAct: false });
    await expect(getContractView(ppk, contractId, "PPK")).resolves.toMatchObject({ mayAct: true });
    await expect(sendContract(colleague, { contractId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sendContract(ppk, { contractId });
    await signContractAsVendor(vendor, { contractId });
    await expect(signContractAsPpk(colleague, { contractId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(contractId)).toMatchObject({ status: "VENDOR_REVIEW", ppkSignedById: null });
    expect(await db.auditEvent.count({ where: { actorId: colleague.userId } })).toBe(0);
  });

  it("refuses an empty or a 10.000-character note", async () => {
    const { contractId, vendor, ppk } = await drafted();
    await sendContract(ppk, { contractId });
    await expect(requestContractChange(vendor, { contractId, note: "   " })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contract.noteRequired",
    });
    await expect(requestContractChange(vendor, { contractId, note: "x".repeat(10_000) })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contract.noteTooLong",
    });
    expect((await stateOf(contractId)).status).toBe("VENDOR_REVIEW");
  });
});
