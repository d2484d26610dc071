import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeOpenedTender, makeUser } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { passAllStages } from "../testing/evaluate";
import { recordEvaluation } from "./record-evaluation";

const REASON = "Dokumen lengkap dan sah sesuai dokumen pemilihan.";

describe("recordEvaluation", () => {
  it("records a decision with who and when, in the same transaction as its audit event", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    const before = await dbNow();
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId: bidders[0]!.bid.id,
      stage: "ADMINISTRASI",
      passed: true,
      reason: REASON,
    });
    const row = await db.evaluation.findUniqueOrThrow({
      where: { bidId_stage: { bidId: bidders[0]!.bid.id, stage: "ADMINISTRASI" } },
    });
    expect(row).toMatchObject({ passed: true, reason: REASON, decidedById: pokja.userId, tenderId: tender.id });
    expect(row.decidedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.recorded", entityId: tender.id },
    });
    expect(audit.actorId).toBe(pokja.userId);
    expect(audit.data).toMatchObject({
      bidId: bidders[0]!.bid.id,
      stage: "ADMINISTRASI",
      passed: true,
      decidedById: pokja.userId,
      decidedAt: row.decidedAt.toISOString(),
    });
  });

  it("judges stages in order: not before the earlier stage is decided, not after it failed", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    const bidId = bidders[0]!.bid.id;
    await expect(
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "KUALIFIKASI", passed: true, reason: REASON }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationStageMissing",
      values: { stage: "administrasi" },
    });
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Surat penawaran tidak ditandatangani.",
    });
    await expect(
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "KUALIFIKASI", passed: true, reason: REASON }),
    ).rejects.toMatchObject({ messageKey: "evaluationStageFailed" });
    expect(await db.evaluation.count({ where: { bidId } })).toBe(1);
  });

  it("forces the price stage to fail above HPS, with that reason; exactly HPS passes", async () => {
    const hps = 1_000_000_000n;
    const { pokja, tender, bidders } = await makeOpenedTender({ hps, prices: [hps, hps] });
    const [atHps, above] = bidders.map((b) => b.bid.id) as [string, string];
    expect(await passAllStages(pokja, tender.id, atHps)).toMatchObject({
      passed: true,
      correctedPrice: hps,
      forcedFailAboveHps: false,
    });
    const result = await passAllStages(pokja, tender.id, above, { correctedPrice: hps + 1n });
    expect(result).toMatchObject({ passed: false, forcedFailAboveHps: true, correctedPrice: hps + 1n });
    const row = await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId: above, stage: "HARGA" } } });
    expect(row.passed).toBe(false);
    expect(row.reason).toContain("melebihi HPS Rp1.000.000.000");
    expect((await db.bid.findUniqueOrThrow({ where: { id: above } })).correctedPrice).toBe(hps + 1n);
  });

  it("corrects the arithmetic from the breakdown: the unit price governs", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [20_000_000n] });
    const bidId = bidders[0]!.bid.id;
    for (const stage of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS"] as const)
      await recordEvaluation(pokja, { tenderId: tender.id, bidId, stage, passed: true, reason: REASON });
    const result = await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId,
      stage: "HARGA",
      passed: true,
      reason: "Harga wajar setelah koreksi aritmatik.",
      breakdown: [
        { quantity: 10n, unitPrice: 1_500_000n, statedTotal: 15_000_000n },
        { quantity: 2n, unitPrice: 3_000_000n, statedTotal: 5_000_000n },
      ],
    });
    expect(result.correctedPrice).toBe(21_000_000n);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: tender.id, data: { path: ["stage"], equals: "HARGA" } },
    });
    expect(audit.data).toMatchObject({
      correctedPrice: "21000000",
      correctedLines: [{ index: 1, statedTotal: "5000000", correctedTotal: "6000000" }],
    });
  });

  it("flags a construction bid below 80% of HPS, not one at exactly 80%", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 1_000_000_000n,
      prices: [800_000_000n, 799_999_999n],
    });
    await passAllStages(pokja, tender.id, bidders[0]!.bid.id);
    await passAllStages(pokja, tender.id, bidders[1]!.bid.id);
    const flags = await db.bid.findMany({
      where: { tenderId: tender.id },
      orderBy: { submittedAt: "asc" },
      select: { isLowPriceFlagged: true },
    });
    expect(flags).toEqual([{ isLowPriceFlagged: false }, { isLowPriceFlagged: true }]);
  });

  it("takes a technical score under sistem nilai and requires it for a pass", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      evaluationMethod: "SISTEM_NILAI",
      weights: { technical: 70, price: 30 },
    });
    const bidId = bidders[0]!.bid.id;
    for (const stage of ["ADMINISTRASI", "KUALIFIKASI"] as const)
      await recordEvaluation(pokja, { tenderId: tender.id, bidId, stage, passed: true, reason: REASON });
    await expect(
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "TEKNIS", passed: true, reason: REASON }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { technicalScore: ["technicalScoreRequired"] },
    });
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId,
      stage: "TEKNIS",
      passed: true,
      reason: REASON,
      technicalScoreUnits: 87_500,
    });
    const row = await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId, stage: "TEKNIS" } } });
    expect(row.technicalScore?.toString()).toBe("87.5");
  });

  it("lets the Pokja decide again before penetapan, audited, and voids the ranking", async () => {
    const { pokja, pokjaMembers, tender, bidders } = await makeOpenedTender();
    const bidId = bidders[0]!.bid.id;
    await recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "ADMINISTRASI", passed: true, reason: REASON });
    await db.bid.update({ where: { id: bidId }, data: { rank: 1 } });
    await recordEvaluation(pokjaMembers[1]!, {
      tenderId: tender.id,
      bidId,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Jaminan penawaran tidak sah.",
    });
    expect(
      await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId, stage: "ADMINISTRASI" } } }),
    ).toMatchObject({ passed: false, decidedById: pokjaMembers[1]!.userId });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).rank).toBeNull();
    const changed = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluation.changed" } });
    expect(changed).toMatchObject({
      actorId: pokjaMembers[1]!.userId,
      data: expect.objectContaining({ previousPassed: true, passed: false }),
    });
  });

  it("writes nothing when the same decision is saved again: one audit event, ranking kept", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender();
    const bidId = bidders[0]!.bid.id;
    const save = { tenderId: tender.id, bidId, stage: "ADMINISTRASI" as const, passed: true, reason: REASON };
    expect(await recordEvaluation(pokja, { ...save, seenDecidedAt: null })).toMatchObject({ changed: true });
    const stored = await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId, stage: "ADMINISTRASI" } } });
    await db.bid.update({ where: { id: bidId }, data: { rank: 1 } });
    // the same form sent twice (a double click, or the form still showing what it saved)
    expect(await recordEvaluation(pokja, { ...save, seenDecidedAt: null })).toMatchObject({
      changed: false,
      passed: true,
    });
    expect(
      await recordEvaluation(pokja, { ...save, reason: `  ${REASON} `, seenDecidedAt: stored.decidedAt }),
    ).toMatchObject({ changed: false });
    expect(await db.auditEvent.count({ where: { entityId: tender.id, action: { startsWith: "evaluation." } } })).toBe(
      1,
    );
    expect(await db.evaluation.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).rank).toBe(1);
  });

  it("a price decision saved again with the same figures writes nothing either", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      evaluationMethod: "SISTEM_NILAI",
      weights: { technical: 70, price: 30 },
      prices: [20_000_000n],
    });
    const bidId = bidders[0]!.bid.id;
    for (const stage of ["ADMINISTRASI", "KUALIFIKASI"] as const)
      await recordEvaluation(pokja, { tenderId: tender.id, bidId, stage, passed: true, reason: REASON });
    const teknis = {
      tenderId: tender.id,
      bidId,
      stage: "TEKNIS" as const,
      passed: true,
      reason: REASON,
      technicalScoreUnits: 87_500,
    };
    await recordEvaluation(pokja, teknis);
    expect(await recordEvaluation(pokja, teknis)).toMatchObject({ changed: false });
    expect(await recordEvaluation(pokja, { ...teknis, technicalScoreUnits: 87_000 })).toMatchObject({ changed: true });
    const harga = {
      tenderId: tender.id,
      bidId,
      stage: "HARGA" as const,
      passed: true,
      reason: REASON,
      correctedPrice: 19_000_000n,
    };
    await recordEvaluation(pokja, harga);
    expect(await recordEvaluation(pokja, harga)).toMatchObject({ changed: false, correctedPrice: 19_000_000n });
    expect(await db.auditEvent.count({ where: { entityId: tender.id, action: "evaluation.changed" } })).toBe(1);
  });

  it("refuses a save made against a decision another member has since changed, and keeps theirs", async () => {
    const { pokja, pokjaMembers, tender, bidders } = await makeOpenedTender();
    const bidId = bidders[0]!.bid.id;
    const base = { tenderId: tender.id, bidId, stage: "ADMINISTRASI" as const };
    // both members open the form while nothing is decided; the second one saves first
    await recordEvaluation(pokjaMembers[1]!, {
      ...base,
      passed: false,
      reason: "Jaminan penawaran tidak sah.",
      seenDecidedAt: null,
    });
    await expect(
      recordEvaluation(pokja, { ...base, passed: true, reason: REASON, seenDecidedAt: null }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "evaluationChangedMeanwhile" });
    const theirs = await db.evaluation.findUniqueOrThrow({ where: { bidId_stage: { bidId, stage: "ADMINISTRASI" } } });
    // a form showing an older version of the decision is refused the same way
    await expect(
      recordEvaluation(pokja, {
        ...base,
        passed: true,
        reason: REASON,
        seenDecidedAt: new Date(theirs.decidedAt.getTime() - 1),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(theirs).toMatchObject({ passed: false, decidedById: pokjaMembers[1]!.userId });
    expect(await db.auditEvent.count({ where: { entityId: tender.id, action: { startsWith: "evaluation." } } })).toBe(
      1,
    );
    // once the form shows their decision, changing it is an ordinary, audited change
    await recordEvaluation(pokja, { ...base, passed: true, reason: REASON, seenDecidedAt: theirs.decidedAt });
    expect(await db.auditEvent.count({ where: { entityId: tender.id, action: "evaluation.changed" } })).toBe(1);
  });

  it("refuses a PPK, a vendor, a Pokja of another tender and another agency, and changes nothing", async () => {
    const { ppk, agency, tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    const sameAgencyPokja = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const otherAgencyPokja = actorFor(await makeUser([{ role: "POKJA", agencyId: (await makeAgency()).id }]));
    for (const actor of [ppk, bidders[0]!.actor, other.pokja, sameAgencyPokja, otherAgencyPokja]) {
      await expect(
        recordEvaluation(actor, {
          tenderId: tender.id,
          bidId: bidders[0]!.bid.id,
          stage: "ADMINISTRASI",
          passed: true,
          reason: REASON,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.evaluation.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "evaluation." } } })).toBe(0);
  });

  it("refuses a bid of another tender", async () => {
    const { pokja, tender } = await makeOpenedTender();
    const other = await makeOpenedTender();
    await expect(
      recordEvaluation(pokja, {
        tenderId: tender.id,
        bidId: other.bidders[0]!.bid.id,
        stage: "ADMINISTRASI",
        passed: true,
        reason: REASON,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses before the opening and while bids are still being taken", async () => {
    for (const options of [{ opened: false }, { status: "PUBLISHED" as const }]) {
      const { pokja, tender, bidders } = await makeOpenedTender(options);
      await expect(
        recordEvaluation(pokja, {
          tenderId: tender.id,
          bidId: bidders[0]!.bid.id,
          stage: "ADMINISTRASI",
          passed: true,
          reason: REASON,
        }),
      ).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "evaluationNotOpened",
      });
    }
    expect(await db.evaluation.count()).toBe(0);
  });
});
