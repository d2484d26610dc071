import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { makeTenderWithBids, passDeadline } from "@/modules/bids/testing/opening.fixture";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import {
  actorFor,
  bidPdf,
  makeBidder,
  makeScheduledTender,
  makeVendor,
  makeVendorUser,
  stageBidFile,
} from "@/tests/factories";
import { refusal } from "@/tests/integration/invariant-sql";
import { db } from "@/server/db";
import { rankTenderBids } from "./rank-bids";
import { recordEvaluation } from "./record-evaluation";
import { recordPembuktian } from "./record-pembuktian";

const REQUIRED = { requiredKbli: ["46100"], requiredPermits: ["SBU"] };

/** Gives a vendor's verified profile what the tender asks (or only part of it). */
async function qualify(vendorId: string, what: { kbli?: boolean; permit?: boolean } = { kbli: true, permit: true }) {
  if (what.kbli) await db.vendor.update({ where: { id: vendorId }, data: { kbli: ["46100", "47111"] } });
  if (what.permit)
    await db.vendorPermit.create({
      data: { vendorId, kind: "SBU (Sertifikat Badan Usaha)", number: "SBU-1", issuedBy: "LPJK", validUntil: null },
    });
}

describe("a Tender Cepat takes only vendors whose verified profile meets its requirements", () => {
  it("refuses to register a vendor missing a requirement, naming it, and registers one that meets them", async () => {
    const { tender } = await makeScheduledTender({
      method: "TENDER_CEPAT",
      stages: [
        ["PENGUMUMAN", -2, 24],
        ["UPLOAD_PENAWARAN", -1, 48],
      ],
    });
    await db.tender.update({ where: { id: tender.id }, data: REQUIRED });
    const lacking = await makeVendor();
    await qualify(lacking.id, { kbli: true });
    const actor = actorFor(await makeVendorUser(lacking));
    await expect(registerForTender(actor, { tenderId: tender.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "cepatRequirementsUnmet",
      values: { missing: "SBU" },
    });
    expect(await db.tenderParticipant.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.participantRegistered" } })).toBe(0);

    await qualify(lacking.id, { permit: true });
    expect(await registerForTender(actor, { tenderId: tender.id })).toMatchObject({ isNew: true });
  });

  it("refuses a bid from a registered vendor whose permit has expired since, and takes it once the profile meets them", async () => {
    const made = await makeTenderWithBids([], { method: "TENDER_CEPAT" });
    await db.tender.update({ where: { id: made.tender.id }, data: REQUIRED });
    const bidder = await makeBidder(made.tender.id);
    await db.vendor.update({ where: { id: bidder.vendor.id }, data: { kbli: ["46100"] } });
    await db.vendorPermit.create({
      data: {
        vendorId: bidder.vendor.id,
        kind: "SBU",
        number: "SBU-2",
        issuedBy: "LPJK",
        validUntil: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const file = await stageBidFile(bidder.actor, made.tender.id, bidPdf(randomUUID()));
    const input = {
      tenderId: made.tender.id,
      price: 300_000_000n,
      files: [{ id: file.id }],
      idempotencyKey: randomUUID(),
      integrityPact: true as const,
    };
    await expect(submitBid(bidder.actor, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "cepatRequirementsUnmet",
      values: { missing: "SBU" },
    });
    expect(await db.bid.count({ where: { tenderId: made.tender.id } })).toBe(0);

    await db.vendorPermit.updateMany({ where: { vendorId: bidder.vendor.id }, data: { validUntil: null } });
    await submitBid(bidder.actor, input);
    expect(await db.bid.count({ where: { tenderId: made.tender.id, status: "SUBMITTED" } })).toBe(1);
  });
});

describe("the opening of a Tender Cepat", () => {
  it("records each bid's evaluation by the system, qualification from the verified profile, which no member overrules alone, and ranks the lowest qualified price first", async () => {
    // The cheapest bidder's profile lacks the KBLI: it cannot win however low its price.
    const made = await makeTenderWithBids([{ price: 450_000_000n }, { price: 430_000_000n }, { price: 300_000_000n }], {
      method: "TENDER_CEPAT",
    });
    await db.tender.update({ where: { id: made.tender.id }, data: REQUIRED });
    const [dear, cheap, unqualified] = made.bidders;
    await qualify(dear!.vendor.id);
    await qualify(cheap!.vendor.id);
    await qualify(unqualified!.vendor.id, { permit: true });

    await passDeadline(made.tender.id);
    for (const m of made.members.slice(0, 2))
      await approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });

    const rows = await db.evaluation.findMany({
      where: { tenderId: made.tender.id },
      select: { bidId: true, stage: true, passed: true, reason: true, decidedById: true },
    });
    const stagesOf = (bidId: string) =>
      rows
        .filter((r) => r.bidId === bidId)
        .map((r) => [r.stage, r.passed])
        .sort();
    expect(stagesOf(cheap!.bidId)).toEqual([
      ["ADMINISTRASI", true],
      ["HARGA", true],
      ["KUALIFIKASI", true],
      ["PEMBUKTIAN", true],
      ["TEKNIS", true],
    ]);
    expect(stagesOf(unqualified!.bidId)).toEqual([
      ["ADMINISTRASI", true],
      ["KUALIFIKASI", false],
    ]);
    expect(rows.find((r) => r.bidId === unqualified!.bidId && r.stage === "KUALIFIKASI")!.reason).toContain(
      "KBLI 46100",
    );
    expect(rows.every((r) => r.decidedById === null)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.automatic", entityId: made.tender.id },
    });
    expect(audit).toMatchObject({
      actorId: made.members[1]!.user.id,
      data: { basis: "verifiedProfile", decidedById: null },
    });
    expect((audit.data as { bids: unknown[] }).bids).toHaveLength(3);

    // a member cannot overrule the system alone: qualifying the unqualified bid, or failing the winner's pembuktian
    const pokja = made.members[0]!.actor;
    const before = await db.evaluation.findMany({ where: { tenderId: made.tender.id }, orderBy: { id: "asc" } });
    await expect(
      recordEvaluation(pokja, {
        tenderId: made.tender.id,
        bidId: unqualified!.bidId,
        stage: "KUALIFIKASI",
        passed: true,
        reason: "Menurut anggota Pokja persyaratan KBLI terpenuhi.",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "evaluationAutomatic" });
    await expect(
      recordPembuktian(pokja, {
        tenderId: made.tender.id,
        bidId: cheap!.bidId,
        passed: false,
        reason: "Menurut anggota Pokja dokumen asli tidak sesuai.",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "evaluationAutomatic" });
    expect(await db.evaluation.findMany({ where: { tenderId: made.tender.id }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
    expect(await db.auditEvent.count({ where: { action: "evaluation.changed" } })).toBe(0);

    // price only: the ranking (and so the winner) is the lowest price among the qualified
    expect(await rankTenderBids(made.members[0]!.actor, { tenderId: made.tender.id })).toEqual([
      { bidId: cheap!.bidId, rank: 1 },
      { bidId: dear!.bidId, rank: 2 },
    ]);
  });

  it("leaves a regular tender's evaluation to the Pokja", async () => {
    const made = await makeTenderWithBids([{ price: 450_000_000n }, { price: 430_000_000n }]);
    await passDeadline(made.tender.id);
    for (const m of made.members.slice(0, 2))
      await approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });
    expect((await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).status).toBe("EVALUATION");
    expect(await db.evaluation.count({ where: { tenderId: made.tender.id } })).toBe(0);
  });

  it("PostgreSQL refuses a decision without a person on any tender but a Tender Cepat", async () => {
    const made = await makeTenderWithBids([{ price: 450_000_000n }]);
    const insert = `INSERT INTO "Evaluation" (id, "tenderId", "bidId", stage, passed, reason, "decidedById", "decidedAt")
      VALUES (gen_random_uuid(), $1, $2, 'KUALIFIKASI', true, 'tanpa pemutus', NULL, now())`;
    const args = [made.tender.id, made.bidders[0]!.bidId];
    expect(await refusal("app", insert, args)).toEqual({
      code: "23514",
      constraint: "Evaluation_system_only_tender_cepat",
    });
    await db.tender.update({ where: { id: made.tender.id }, data: { method: "TENDER_CEPAT" } });
    expect(await refusal("app", insert, args)).toBeNull();
  });

  it("PostgreSQL refuses a malformed requirement list", async () => {
    const { tender } = await makeScheduledTender({ method: "TENDER_CEPAT" });
    const set = (sql: string) => refusal("app", `UPDATE "Tender" SET ${sql} WHERE id = $1`, [tender.id]);
    expect(await set(`"requiredKbli" = ARRAY['4610']`)).toMatchObject({ constraint: "Tender_required_shape" });
    expect(await set(`"requiredKbli" = NULL`)).toMatchObject({ constraint: "Tender_required_shape" });
    expect(await set(`"requiredPermits" = ARRAY['SBU', '  ']`)).toMatchObject({ constraint: "Tender_required_shape" });
    expect(await set(`"requiredKbli" = ARRAY['46100', '01111'], "requiredPermits" = ARRAY['SBU']`)).toBeNull();
  });
});
