import { makeOpenedTender } from "@/tests/factories";
import type { Actor } from "@/modules/auth/domain/permissions";
import { setWinnerByMajority } from "@/modules/award/testing/set-winner-by-majority";
import { db } from "@/server/db";
import { EVALUATION_STAGES } from "../domain/evaluation-rules";
import { rankTenderBids } from "../server/rank-bids";
import { recordEvaluation } from "../server/record-evaluation";
import { recordPembuktian } from "../server/record-pembuktian";

/** For integration tests: passes a bid through administrasi to harga with plain reasons. */
export async function passAllStages(
  actor: Actor,
  tenderId: string,
  bidId: string,
  extra: { technicalScoreUnits?: number; correctedPrice?: bigint; lifeCycleCost?: bigint } = {},
) {
  let last;
  for (const stage of EVALUATION_STAGES) {
    last = await recordEvaluation(actor, {
      tenderId,
      bidId,
      stage,
      passed: true,
      reason: `Memenuhi syarat tahap ${stage.toLowerCase()}.`,
      ...extra,
    });
  }
  return last!;
}

/**
 * For integration tests: a tender with its winner set. Every bid passes every stage
 * (the HPS rule still fails those above HPS); every ranked bid passes pembuktian; one
 * member of the Pokja of three proposes the winner and a second approves (2 of 3).
 */
export async function makeAwardReadyTender(options: Parameters<typeof makeOpenedTender>[0] = {}) {
  const ctx = await makeOpenedTender({ prices: [900_000_000n, 950_000_000n], ...options });
  for (const b of ctx.bidders) await passAllStages(ctx.pokja, ctx.tender.id, b.bid.id);
  await rankTenderBids(ctx.pokja, { tenderId: ctx.tender.id });
  const ranked = await db.bid.findMany({
    where: { tenderId: ctx.tender.id, rank: { not: null } },
    select: { id: true },
  });
  for (const b of ranked)
    await recordPembuktian(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: b.id,
      passed: true,
      reason: "Dokumen asli sesuai dengan yang diunggah.",
    });
  await setWinnerByMajority(ctx);
  return ctx;
}
