import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { makeTwoEnvelopeTender, openFirstEnvelope } from "@/modules/bids/testing/two-envelopes.fixture";
import { isQualificationEvidenceFor } from "@/modules/documents/server/qualification-evidence";
import { db, dbNow } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { objectStore } from "@/server/object-store";
import { storeStream } from "@/server/storage";
import { actorFor, bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { makeBlacklistEntry } from "@/tests/factories/blacklist";
import { rewriteData } from "../testing/bundle-fixture";
import { becomeAnotherInstance } from "../testing/another-instance";
import { exportTenderToFile } from "./export-tender";
import { importTender } from "./import-tender";
import { storeSource } from "./write-bundle";

/**
 * Issue 15's rows through a transfer (bundle version 2): a seleksi with two envelopes, in
 * its second prakualifikasi round with the shortlist announced, applications with decisions
 * and evidence, a sanggah prakualifikasi with its evidence, the price key, and a bid whose
 * qualification form is sealed. Exported here, imported on "another LPSE" (the emptied test
 * database), every new column and row equal, and the first opening works there.
 */
const requirements: QualificationRequirements = {
  version: 1,
  permits: [{ kind: "SBU", kbli: [] }],
  experience: null,
  staff: [],
  equipment: [{ name: "Theodolit", minCount: 1 }],
  financial: null,
};

async function storedDocument(data: Record<string, unknown>, marker: string) {
  const stored = await storeStream(Readable.from([bidPdf(marker)]), 1_000_000);
  return db.document.create({
    data: {
      kind: "DOKUMEN_PENYEDIA",
      fileName: `${marker}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: BigInt(stored.sizeBytes),
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      ...data,
    },
  });
}

async function sourceSeleksi() {
  const made = await makeTwoEnvelopeTender([]);
  const tenderId = made.tender.id;
  const decider = made.members[0]!.user.id;
  const now = await dbNow();
  await db.tender.update({
    where: { id: tenderId },
    data: { qualificationRequirements: requirements as never, prequalificationRound: 2 },
  });
  // round 1: a firm that failed, then objected (sanggah prakualifikasi) with evidence
  const failed = await makeBidder(tenderId);
  await db.prequalificationApplication.create({
    data: {
      ...{ tenderId, vendorId: failed.vendor.id, round: 1, submittedById: failed.user.id, submittedAt: now },
      ...{ form: { version: 1, permits: [], experience: [] }, passed: false, score: "55.125", reason: "kurang" },
      ...{ decidedById: decider, decidedAt: now },
    },
  });
  const sanggah = await db.sanggah.create({
    data: {
      ...{ tenderId, vendorId: failed.vendor.id, kind: "SANGGAH_PRAKUALIFIKASI", body: "Nilai kami salah hitung." },
      ...{ filedAt: now, answer: "Nilai sudah benar.", answeredById: decider, answeredAt: now, decision: "REJECTED" },
    },
  });
  await storedDocument({ kind: "LAINNYA", tenderId, vendorId: failed.vendor.id, sanggahId: sanggah.id }, "sanggah");

  // round 2: the bidder, shortlisted, its form naming a permit's evidence; it bids with a sealed form
  const bidder = await makeBidder(tenderId);
  const evidence = await storedDocument({ vendorId: bidder.vendor.id }, "sbu-bukti");
  const permit = await db.vendorPermit.create({
    data: { vendorId: bidder.vendor.id, kind: "SBU", number: "SBU-PINDAH", issuedBy: "LPJK", documentId: evidence.id },
  });
  const form = { version: 1, permits: [{ vendorPermitId: permit.id, documentId: evidence.id }], experience: [] };
  await db.prequalificationApplication.create({
    data: {
      ...{ tenderId, vendorId: bidder.vendor.id, round: 2, submittedById: bidder.user.id, submittedAt: now, form },
      ...{ passed: true, score: "81.5", reason: "memenuhi", decidedById: decider, decidedAt: now, shortlisted: true },
    },
  });
  const files = [];
  for (const part of ["TEKNIS", "HARGA"] as const)
    files.push({ id: (await stageBidFile(bidder.actor, tenderId, bidPdf(`${part}-${randomUUID()}`), part)).id });
  const submitted = await submitBid(bidder.actor, {
    tenderId,
    price: 880_000_000n,
    files,
    idempotencyKey: randomUUID(),
    integrityPact: true,
    qualification: {
      ...{ permitIds: [permit.id], experienceIds: [], staff: [], financial: null },
      equipment: [{ forRequirement: 0, name: "Theodolit", count: 2, ownership: "MILIK_SENDIRI" }],
    },
  } as Parameters<typeof submitBid>[1]);

  const snapshot = {
    tender: await db.tender.findUniqueOrThrow({ where: { id: tenderId } }),
    bid: await db.bid.findUniqueOrThrow({ where: { id: submitted.bidId } }),
    applications: await db.prequalificationApplication.findMany({ where: { tenderId }, orderBy: { round: "asc" } }),
    priceKey: await db.tenderPriceKey.findUniqueOrThrow({ where: { tenderId } }),
    priceShares: await db.tenderPriceKeyShare.findMany({ where: { tenderId }, include: { user: true } }),
    sanggah: await db.sanggah.findUniqueOrThrow({ where: { id: sanggah.id }, include: { documents: true } }),
  };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-seleksi-src-")), "bundle.tar");
  await exportTenderToFile({ client: db, code: made.tender.code, out: file, source: storeSource(), live: false });
  return {
    ...snapshot,
    file,
    fingerprint: (await getInstanceKey()).fingerprint,
    members: made.members.map((m) => ({ email: m.user.email, passphrase: m.passphrase })),
    failedNpwp: failed.vendor.npwp,
    failedName: failed.vendor.name,
    bidderNpwp: bidder.vendor.npwp,
    evidenceId: evidence.id,
  };
}

/** Mapped people and companies: compared by e-mail and NPWP, the rest of a row as it was. */
const emailOf = async (id: string | null) => (id ? (await db.user.findUniqueOrThrow({ where: { id } })).email : null);
const npwpOf = async (id: string) => (await db.vendor.findUniqueOrThrow({ where: { id } })).npwp;

describe("a seleksi moved to another LPSE", () => {
  it("carries issue 15's columns and rows, flags a blacklisted firm, and opens there", async () => {
    const source = await sourceSeleksi();
    const sourceEmails = new Map<string, string | null>();
    for (const a of source.applications) {
      sourceEmails.set(a.submittedById, await emailOf(a.submittedById));
      sourceEmails.set(a.decidedById!, await emailOf(a.decidedById));
    }
    const sourceNpwp = new Map(
      await Promise.all(source.applications.map(async (a) => [a.vendorId, await npwpOf(a.vendorId)] as const)),
    );
    const { agency, admin } = await becomeAnotherInstance();
    // this LPSE's own daftar hitam names the failed firm's NPWP (it is not registered here)
    await makeBlacklistEntry(
      { npwp: source.failedNpwp, vendorName: source.failedName },
      { decreeNumber: "SK-DH-7/2026", createdById: admin.userId },
    );

    const result = await importTender(admin, {
      bundlePath: source.file,
      agencyId: agency.id,
      expectedFingerprint: source.fingerprint,
    });
    expect(result.blacklisted.map((b) => [b.vendorName, b.decreeNumber])).toEqual([
      [source.failedName, "SK-DH-7/2026"],
    ]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "tender.imported" } })).data).toMatchObject({
      blacklisted: [{ decreeNumber: "SK-DH-7/2026" }],
    });

    const tender = await db.tender.findUniqueOrThrow({ where: { id: source.tender.id } });
    for (const column of ["bidParts", "qualificationRequirements", "technicalPassingGrade", "pricePublicKey"] as const)
      expect(tender[column], column).toEqual(source.tender[column]);
    expect(tender.prequalificationRound).toBe(2);
    expect(tender.shortlistAnnouncedAt).not.toBeNull();
    expect(tender.status).toBe("PUBLISHED");

    const bid = await db.bid.findUniqueOrThrow({ where: { id: source.bid.id } });
    expect(Buffer.from(bid.sealedQualification!)).toEqual(Buffer.from(source.bid.sealedQualification!));
    expect(bid.qualificationCommitment).toBe(source.bid.qualificationCommitment);
    expect(bid.integrityPactAt).toEqual(source.bid.integrityPactAt);
    expect(await npwpOf(bid.vendorId)).toBe(source.bidderNpwp);

    const applications = await db.prequalificationApplication.findMany({
      where: { tenderId: tender.id },
      orderBy: { round: "asc" },
    });
    expect(applications).toHaveLength(2);
    for (const [i, a] of applications.entries()) {
      const was = source.applications[i]!;
      const { vendorId, submittedById, decidedById, ...rest } = a;
      const { vendorId: v0, submittedById: s0, decidedById: d0, ...restWas } = was;
      expect(rest).toEqual(restWas);
      expect(await npwpOf(vendorId)).toBe(sourceNpwp.get(v0));
      expect(await emailOf(submittedById)).toBe(sourceEmails.get(s0));
      expect(await emailOf(decidedById)).toBe(sourceEmails.get(d0!));
    }

    expect(await db.tenderPriceKey.findUniqueOrThrow({ where: { tenderId: tender.id } })).toEqual(source.priceKey);
    const shares = await db.tenderPriceKeyShare.findMany({ where: { tenderId: tender.id }, include: { user: true } });
    const shareOf = (list: typeof shares) =>
      list.map((s) => [s.user.email, s.shareIndex, Buffer.from(s.sealedShare).toString("hex")]).sort();
    expect(shareOf(shares)).toEqual(shareOf(source.priceShares));

    const sanggah = await db.sanggah.findUniqueOrThrow({
      where: { id: source.sanggah.id },
      include: { documents: true },
    });
    expect(sanggah).toMatchObject({ kind: "SANGGAH_PRAKUALIFIKASI", decision: "REJECTED", body: source.sanggah.body });
    expect(sanggah.documents.map((d) => d.sha256)).toEqual(source.sanggah.documents.map((d) => d.sha256));
    const evidence = await db.document.findUniqueOrThrow({ where: { id: source.evidenceId } });
    expect(evidence.vendorId).toBe(bid.vendorId);
    expect(await objectStore().size(`objects/${evidence.storageKey}`)).toBe(Number(evidence.sizeBytes));

    // the first opening here, by two of the three members with their same passphrases: the
    // qualification form opens and names the evidence, the price stays sealed for the second
    const members = [];
    for (const m of source.members.slice(0, 2)) {
      const user = await db.user.findUniqueOrThrow({ where: { email: m.email }, include: { memberships: true } });
      members.push({ actor: actorFor(user), passphrase: m.passphrase, userId: user.id });
    }
    await openFirstEnvelope(tender.id, members);
    const opened = await db.bid.findUniqueOrThrow({ where: { id: bid.id }, include: { defects: true } });
    expect(opened.defects).toEqual([]);
    expect(opened.openedQualification).toMatchObject({ permits: [{ documentId: source.evidenceId }] });
    expect(opened.openedPrice).toBeNull();
    expect(await isQualificationEvidenceFor(members[0]!.userId, bid.vendorId, source.evidenceId)).toBe(true);
  });

  it("refuses a tender with a negotiation, naming the table, and writes no bundle", async () => {
    const made = await makeTwoEnvelopeTender([700_000_000n]);
    const bidId = made.bidders[0]!.bidId;
    await db.negotiation.create({
      data: {
        ...{ tenderId: made.tender.id, bidId, outcome: "FAILED", minutes: "Negosiasi uji tidak sepakat." },
        ...{ negotiatedById: made.members[0]!.user.id, negotiatedAt: new Date() },
      },
    });
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-seleksi-refused-")), "bundle.tar");
    await expect(
      exportTenderToFile({ client: db, code: made.tender.code, out, source: storeSource(), live: true }),
    ).rejects.toMatchObject({ messageKey: "tenderExport.uncarried", values: { tables: "Negotiation" } });
    expect(readdirSync(path.dirname(out))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);
  });

  it("still imports a version 1 bundle, which has none of issue 15's tables", async () => {
    const made = await makeSealedBidTender();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-v1-src-")), "bundle.tar");
    await exportTenderToFile({ client: db, code: made.tender.code, out: file, source: storeSource(), live: false });
    const fingerprint = (await getInstanceKey()).fingerprint;
    const keyPem = readFileSync(process.env.SEGEL_INSTANCE_KEY_FILE!, "utf8");
    // what the previous release wrote: version 1, no prakualifikasi or price key tables
    const v1 = await rewriteData(
      file,
      keyPem,
      (data) => {
        for (const table of ["PrequalificationApplication", "TenderPriceKey", "TenderPriceKeyShare"])
          delete data.tables[table];
      },
      (m) => void (m.version = 1),
    );
    const { agency, admin } = await becomeAnotherInstance();
    const result = await importTender(admin, { bundlePath: v1, agencyId: agency.id, expectedFingerprint: fingerprint });
    expect(result.tenderId).toBe(made.tender.id);
    expect(result.blacklisted).toEqual([]);
    expect(await db.prequalificationApplication.count()).toBe(0);
    expect(await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).toMatchObject({
      status: "PUBLISHED",
      prequalificationRound: 1,
      shortlistAnnouncedAt: null,
    });
  });
});
