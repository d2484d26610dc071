import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { approvePriceOpening } from "@/modules/bids/server/price-opening/approve-price-opening";
import {
  makeTwoEnvelopeTender,
  openFirstEnvelope,
  recordTechnical,
  startPriceStage,
} from "@/modules/bids/testing/two-envelopes.fixture";
import { recordEvaluation } from "./record-evaluation";

/**
 * Attack (issue 15, two envelopes): once the price envelopes are opened, a Pokja member who now
 * knows the prices rescores the technical file to reorder kualitas dan biaya, or passes a bid
 * that failed the grade (whose price stayed sealed). The technical result is what the price
 * opening was run on: it stands.
 */
describe("the technical evaluation after the price opening", () => {
  it("refuses to change a TEKNIS, ADMINISTRASI or KUALIFIKASI decision once prices are opened; nothing is written", async () => {
    const made = await makeTwoEnvelopeTender([410_000_000n, 380_000_000n]);
    await openFirstEnvelope(made.tender.id, made.members);
    const [high, low] = made.bidders;
    await recordTechnical(made.tender.id, high!.bidId, 85, made.members[0]!.user.id);
    await recordTechnical(made.tender.id, low!.bidId, 60, made.members[0]!.user.id);
    await startPriceStage(made.tender.id);
    for (const i of [0, 1])
      await approvePriceOpening(made.members[i]!.actor, {
        tenderId: made.tender.id,
        passphrase: made.members[i]!.passphrase,
      });
    expect((await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).priceOpenedAt).not.toBeNull();
    const before = await db.evaluation.findMany({ where: { tenderId: made.tender.id }, orderBy: { id: "asc" } });

    const member = made.members[2]!.actor;
    const base = { tenderId: made.tender.id, reason: "Dinilai ulang setelah harga dibuka." };
    // the first-ranked lowered below the one whose price was lower
    await expect(
      recordEvaluation(member, {
        ...base,
        bidId: high!.bidId,
        stage: "TEKNIS",
        passed: true,
        technicalScoreUnits: 7000,
      }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "evaluationTechnicalAfterPrice",
    });
    // a bid under the grade, its price sealed, passed after the fact
    await expect(
      recordEvaluation(member, {
        ...base,
        bidId: low!.bidId,
        stage: "TEKNIS",
        passed: true,
        technicalScoreUnits: 9500,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      recordEvaluation(member, { ...base, bidId: high!.bidId, stage: "ADMINISTRASI", passed: false }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.evaluation.findMany({ where: { tenderId: made.tender.id }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
  });
});
