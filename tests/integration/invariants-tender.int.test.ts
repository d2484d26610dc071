import { describe, expect, it } from "vitest";
import { makeAwardedTender, makeOpenedTender, makePokjaTender } from "@/tests/factories";
import { db } from "@/server/db";
import { check, foreignKey, refusal, WRITERS } from "./invariant-sql";

// A tender's status and its stamps (migration 20261208100000_invariants, decision 0022):
// each write below breaks exactly one rule, and PostgreSQL refuses it from the
// application's role and from the owner alike, naming the rule.

const update = (tenderId: string, assignments: string, values: unknown[] = []) => ({
  sql: `UPDATE "Tender" SET ${assignments} WHERE id = $1`,
  values: [tenderId, ...values],
});

async function expectRefused(tenderId: string, assignments: string, values: unknown[], expected: object) {
  const { sql, values: all } = update(tenderId, assignments, values);
  for (const writer of WRITERS) expect(await refusal(writer, sql, all), `${writer}: ${assignments}`).toEqual(expected);
}

describe("a tender's status tied to its stamps, in PostgreSQL", () => {
  it("refuses an evaluated tender's stamps out of step with its status", async () => {
    const { tender } = await makeOpenedTender();
    const cases: [string, object][] = [
      [`status = 'DRAFT'`, check("Tender_published_stamp")],
      [`"publishedAt" = NULL`, check("Tender_published_stamp")],
      [`status = 'FAILED'`, check("Tender_failed_stamp")],
      [`status = 'FAILED', "failedAt" = now()`, check("Tender_failed_stamp")],
      [`status = 'FAILED', "failedAt" = now(), "failureKind" = 'OTHER'`, check("Tender_failed_stamp")],
      [
        `"failedAt" = now(), "failureKind" = 'OTHER', "endReason" = 'Semua penawaran di atas HPS.'`,
        check("Tender_failed_stamp"),
      ],
      [`status = 'CANCELLED'`, check("Tender_cancelled_stamp")],
      [`status = 'CANCELLED', "cancelledAt" = now()`, check("Tender_cancelled_stamp")],
      [`"cancelledAt" = now(), "endReason" = 'Anggaran tidak tersedia.'`, check("Tender_cancelled_stamp")],
      [`"completedAt" = now()`, check("Tender_completed_stamp")],
      [`"awardedAt" = now()`, check("Tender_award_stamp")],
      [`"announcedAt" = now()`, check("Tender_award_stamp")],
      [
        `status = 'FAILED', "failedAt" = now(), "failureKind" = 'OTHER', "endReason" = 'Semua penawaran di atas HPS.', "nextCheckAt" = now()`,
        check("Tender_next_check_stamp"),
      ],
      [`"deadlineExtensions" = -1`, check("Tender_deadlineExtensions_check")],
      [`"technicalWeight" = 80`, check("Tender_weights_sum_100")],
      [`"technicalWeight" = 80, "priceWeight" = 30`, check("Tender_weights_sum_100")],
      [`"technicalWeight" = 120, "priceWeight" = -20`, check("Tender_weights_sum_100")],
    ];
    for (const [assignments, expected] of cases) await expectRefused(tender.id, assignments, [], expected);
    expect(
      await db.tender.findUniqueOrThrow({
        where: { id: tender.id },
        select: { status: true, failedAt: true, cancelledAt: true },
      }),
    ).toEqual({ status: "EVALUATION", failedAt: null, cancelledAt: null });
  });

  it("refuses a winner that is missing, not opened, not announced, or another tender's bid, and reserves out of order", async () => {
    const { tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    const [b0, b1, b2] = bidders.map((b) => b.bid.id);
    const cases: [string, unknown[], object][] = [
      [`"winnerBidId" = $2`, [b0], check("Tender_award_stamp")],
      [`status = 'AWARDED', "awardedAt" = now(), "winnerBidId" = $2`, [b0], check("Tender_award_stamp")],
      [`"openedAt" = NULL, "awardedAt" = now(), "winnerBidId" = $2`, [b0], check("Tender_award_stamp")],
      [`"awardedAt" = now(), "winnerBidId" = $2`, [other.bidders[0]!.bid.id], foreignKey("Tender_winnerBidId_id_fkey")],
      [
        `"awardedAt" = now(), "winnerBidId" = $2, "reserve1BidId" = $3`,
        [b0, other.bidders[1]!.bid.id],
        foreignKey("Tender_reserve1BidId_id_fkey"),
      ],
      [`"reserve1BidId" = $2`, [b1], check("Tender_reserves")],
      [`"awardedAt" = now(), "winnerBidId" = $2, "reserve2BidId" = $3`, [b0, b1], check("Tender_reserves")],
      [`"awardedAt" = now(), "winnerBidId" = $2, "reserve1BidId" = $2`, [b0], check("Tender_reserves")],
      [
        `"awardedAt" = now(), "winnerBidId" = $2, "reserve1BidId" = $3, "reserve2BidId" = $3`,
        [b0, b1],
        check("Tender_reserves"),
      ],
      [
        `"awardedAt" = now(), "winnerBidId" = $2, "reserve1BidId" = $3, "reserve2BidId" = $2`,
        [b0, b2],
        check("Tender_reserves"),
      ],
    ];
    for (const [assignments, values, expected] of cases) await expectRefused(tender.id, assignments, values, expected);

    // the same award, whole: accepted
    const award = update(
      tender.id,
      `status = 'AWARDED', "awardedAt" = now(), "announcedAt" = now(), "winnerBidId" = $2, "reserve1BidId" = $3, "reserve2BidId" = $4`,
      [b0, b1, b2],
    );
    expect(await refusal("app", award.sql, award.values)).toBeNull();
  });

  it("refuses a completion without the SPPBJ, or an SPPBJ without completion, and accepts both together", async () => {
    const { tender } = await makeAwardedTender();
    const cases: [string, object][] = [
      [`status = 'COMPLETED', "completedAt" = now()`, check("Tender_completed_stamp")],
      [`status = 'COMPLETED', "sppbjIssuedAt" = now()`, check("Tender_completed_stamp")],
      [`"sppbjIssuedAt" = now(), "completedAt" = now()`, check("Tender_completed_stamp")],
      [`"sppbjIssuedAt" = now()`, check("Tender_completed_stamp")],
      [
        `status = 'COMPLETED', "sppbjIssuedAt" = now(), "completedAt" = now(), "announcedAt" = NULL`,
        check("Tender_award_stamp"),
      ],
      [`"winnerBidId" = NULL, "reserve1BidId" = NULL`, check("Tender_award_stamp")],
      [
        `status = 'COMPLETED', "sppbjIssuedAt" = now(), "completedAt" = now(), "nextCheckAt" = now()`,
        check("Tender_next_check_stamp"),
      ],
    ];
    for (const [assignments, expected] of cases) await expectRefused(tender.id, assignments, [], expected);
    const done = update(tender.id, `status = 'COMPLETED', "sppbjIssuedAt" = now(), "completedAt" = now()`);
    expect(await refusal("app", done.sql, done.values)).toBeNull();
  });

  it("accepts the legal ends: a draft cancelled before it was announced, a failed evaluation with its kind and reason", async () => {
    const { tender: draft } = await makePokjaTender();
    const cancel = update(
      draft.id,
      `status = 'CANCELLED', "cancelledAt" = now(), "endReason" = 'Anggaran tidak tersedia.'`,
    );
    expect(await refusal("app", cancel.sql, cancel.values)).toBeNull();

    const { tender } = await makeOpenedTender();
    const fail = update(
      tender.id,
      `status = 'FAILED', "failedAt" = now(), "failureKind" = 'ALL_ABOVE_HPS', "endReason" = 'Semua penawaran di atas HPS.'`,
    );
    expect(await refusal("app", fail.sql, fail.values)).toBeNull();
    expect(await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { status: true } })).toEqual({
      status: "FAILED",
    });
  });
});
