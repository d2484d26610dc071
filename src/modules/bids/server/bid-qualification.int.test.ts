import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import { bidPdf, makeBidder, makeSealedBidTender, setUpTestInstanceKey, stageBidFile } from "@/tests/factories";
import { db } from "@/server/db";
import { passDeadline } from "../testing/opening.fixture";
import { sealQualification } from "../domain/qualification-seal";
import { decodePublicKey, toBytes } from "../domain/x25519";
import { approveOpening } from "./opening/approve-opening";
import { submitBid } from "./submit-bid";
import { getQualificationBoard } from "@/modules/evaluation/server/get-qualification-board";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";

setUpTestInstanceKey();

const requirements: QualificationRequirements = {
  version: 1,
  permits: [{ kind: "SBU", kbli: [] }],
  experience: null,
  staff: [],
  equipment: [{ name: "Excavator", minCount: 1 }],
  financial: null,
};

/** A sealed-bid tender with structured requirements and a bidder holding one permit of its own. */
async function setUp(options: { bidParts?: ("ADMINISTRASI" | "HARGA")[] } = {}) {
  const made = await makeSealedBidTender();
  await db.tender.update({
    where: { id: made.tender.id },
    data: { qualificationRequirements: requirements as never, bidParts: options.bidParts ?? [] },
  });
  const bidder = await makeBidder(made.tender.id);
  const marker = `SBU-RAHASIA-${randomUUID()}`;
  const evidence = await db.document.create({
    data: {
      kind: "DOKUMEN_PENYEDIA",
      vendorId: bidder.vendor.id,
      fileName: "sbu.pdf",
      mimeType: "application/pdf",
      sizeBytes: 10n,
      sha256: "0".repeat(64),
      storageKey: `uji/${randomUUID()}`,
    },
  });
  const permit = await db.vendorPermit.create({
    data: {
      vendorId: bidder.vendor.id,
      kind: "SBU",
      number: marker,
      issuedBy: "LPJK",
      validUntil: null,
      documentId: evidence.id,
    },
  });
  const file = await stageBidFile(bidder.actor, made.tender.id, bidPdf(`harga-${randomUUID()}`), "HARGA");
  const input = {
    tenderId: made.tender.id,
    price: 750_000_000n,
    files: [{ id: file.id }],
    idempotencyKey: randomUUID(),
    integrityPact: true as const,
    qualification: {
      permitIds: [permit.id],
      experienceIds: [],
      staff: [],
      equipment: [{ forRequirement: 0, name: "Excavator", count: 2, ownership: "SEWA" as const }],
      financial: null,
    },
  };
  return { ...made, bidder, permit, evidence, marker, file, input };
}

const bidsOf = (tenderId: string) => db.bid.count({ where: { tenderId } });

async function openTender(tenderId: string, members: { actor: never; passphrase: string }[]) {
  await passDeadline(tenderId);
  for (const m of members.slice(0, 2)) await approveOpening(m.actor, { tenderId, passphrase: m.passphrase });
}

describe("the bid's qualification form and pakta integritas", () => {
  it("refuses a bid without the pakta integritas and writes nothing", async () => {
    const { tender, bidder, input, file } = await setUp();
    await expect(submitBid(bidder.actor, { ...input, integrityPact: false as unknown as true })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "integrityPactRequired",
    });
    expect(await bidsOf(tender.id)).toBe(0);
    expect((await db.bidFile.findUniqueOrThrow({ where: { id: file.id } })).bidId).toBeNull();
  });

  it("refuses a form naming another vendor's permit, and a tender's form left out, writing nothing", async () => {
    const { tender, bidder, input } = await setUp();
    const other = await makeBidder(tender.id);
    const theirs = await db.vendorPermit.create({
      data: { vendorId: other.vendor.id, kind: "SBU", number: "SBU-LAIN", issuedBy: "LPJK" },
    });
    await expect(
      submitBid(bidder.actor, { ...input, qualification: { ...input.qualification, permitIds: [theirs.id] } }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "qualificationEntryNotYours" });
    await expect(submitBid(bidder.actor, { ...input, qualification: undefined })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "qualificationFormRequired",
    });
    // an equipment answer pointing at a requirement that does not exist
    await expect(
      submitBid(bidder.actor, {
        ...input,
        qualification: {
          ...input.qualification,
          equipment: [{ ...input.qualification.equipment[0]!, forRequirement: 3 }],
        },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "qualificationChoiceInvalid" });
    expect(await bidsOf(tender.id)).toBe(0);
  });

  it("refuses a bid lacking a part the tender's set-up requires", async () => {
    const { tender, bidder, input } = await setUp({ bidParts: ["ADMINISTRASI", "HARGA"] });
    await expect(submitBid(bidder.actor, input)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "bidPartMissing",
      values: { parts: "ADMINISTRASI" },
    });
    expect(await bidsOf(tender.id)).toBe(0);
  });

  it("seals the form (the sealed bytes are all there is before the opening) and opens exactly what was sealed", async () => {
    const { tender, members, bidder, input, marker, permit, evidence } = await setUp();
    const result = await submitBid(bidder.actor, input);
    const receipt = result.signedReceipt.receipt;
    expect(receipt.integrityPactAcceptedAt).toBe(result.submittedAt.toISOString());
    expect(receipt.qualificationCommitment).toMatch(/^[0-9a-f]{64}$/);

    // Before the opening: no readable form anywhere, only the envelope and its commitment.
    const sealed = await db.bid.findUniqueOrThrow({ where: { id: result.bidId } });
    expect(sealed.integrityPactAt).toEqual(result.submittedAt);
    expect(sealed.openedQualification).toBeNull();
    expect(sealed.qualificationCommitment).toBe(receipt.qualificationCommitment);
    expect(Buffer.from(sealed.sealedQualification!).toString("latin1")).not.toContain(marker);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bid.submitted", entityId: result.bidId } });
    expect(JSON.stringify(audit.data)).not.toContain(marker);
    // the Pokja's side-by-side view has nothing to show before the opening; a vendor gets nothing at all
    expect(await getQualificationBoard(members[0]!.actor, tender.id)).toBeNull();
    await expect(getQualificationBoard(bidder.actor, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // nor may the Pokja read the evidence while the form that names it is sealed
    await expect(getDocumentForDownload(members[0]!.actor, evidence.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await openTender(tender.id, members as never);
    // after it: each requirement beside the answer, read met or unmet (the Pokja still decides)
    const [row] = (await getQualificationBoard(members[0]!.actor, tender.id))!;
    expect(row).toMatchObject({ bidId: result.bidId, defects: [] });
    expect(row!.assessed![0]!.documentIds).toEqual([evidence.id]);
    // the evidence the opened form names: its tender's Pokja may read it, another Pokja member may not
    expect((await getDocumentForDownload(members[0]!.actor, evidence.id)).fileName).toBe("sbu.pdf");
    const stranger = await makeSealedBidTender();
    await expect(getDocumentForDownload(stranger.members[0]!.actor, evidence.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(row!.assessed!.map((a) => [a.group, a.met])).toEqual([
      ["permit", true],
      ["equipment", true],
    ]);
    const opened = await db.bid.findUniqueOrThrow({ where: { id: result.bidId }, include: { defects: true } });
    expect(opened.defects).toEqual([]);
    expect(opened.openedQualification).toEqual({
      version: 1,
      permits: [
        {
          vendorPermitId: permit.id,
          kind: "SBU",
          number: marker,
          issuedBy: "LPJK",
          validUntil: null,
          documentId: evidence.id,
        },
      ],
      kbli: bidder.vendor.kbli,
      experience: [],
      staff: [],
      equipment: [{ forRequirement: 0, name: "Excavator", count: 2, ownership: "SEWA" }],
      financial: null,
    });
  });

  it("records a tampered sealed form as the bid's defect at the opening, and keeps no form from it", async () => {
    const { tender, members, bidder, input } = await setUp();
    const result = await submitBid(bidder.actor, input);
    // someone with write access re-seals another form to the tender's public key
    const key = await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: tender.id } });
    const forged = sealQualification(decodePublicKey(key.publicKey), {
      version: 1,
      permits: [],
      kbli: [],
      experience: [],
      staff: [],
      equipment: [],
      financial: null,
    });
    await db.bid.update({
      where: { id: result.bidId },
      data: { sealedQualification: toBytes(forged.sealedQualification) },
    });
    await openTender(tender.id, members as never);
    const opened = await db.bid.findUniqueOrThrow({ where: { id: result.bidId }, include: { defects: true } });
    expect(opened.openedQualification).toBeNull();
    expect(opened.defects.map((d) => d.code)).toEqual(["QUALIFICATION_COMMITMENT_MISMATCH"]);
    const [row] = (await getQualificationBoard(members[0]!.actor, tender.id))!;
    expect(row).toMatchObject({ assessed: null, defects: ["QUALIFICATION_COMMITMENT_MISMATCH"] });
  });
});
