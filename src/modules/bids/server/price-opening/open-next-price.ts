import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { assertPokjaAccess } from "@/modules/tenders";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { priceKeyContext } from "../../domain/at-rest-cipher";
import { nextPriceToOpen } from "../../domain/price-envelope";
import { unwrapAtRest } from "../opening/at-rest-key";
import { openPriceEnvelopes } from "./open-price-envelopes";
import { passingGradeOf, PRICE_OPENING_SELECT, technicalResults } from "./price-opening-state";

/**
 * KUALITAS, after the negotiation with every bid opened so far FAILED (Perlem LKPP 12/2021
 * Lampiran II: the next-ranked is invited): opens the price envelope of the next-ranked bid
 * that passed the technical evaluation, with the price key kept at the price opening
 * (Tender.priceKeyWrapped; decision 0042 says why no new approvals). Runs in the caller's
 * transaction (evaluation's negotiation use case), as a member of the tender's Pokja with
 * tender.evaluate. Returns the bid opened, or null when no passing bid is left (the caller
 * then fails the seleksi). Everything else stays sealed.
 */
export async function openNextPrice(
  tx: Tx,
  actor: Actor,
  tenderId: string,
): Promise<{ bidId: string; price: bigint | null } | null> {
  await assertPokjaAccess(tx, actor, tenderId, "tender.evaluate");
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { ...PRICE_OPENING_SELECT, priceKeyWrapped: true },
  });
  if (!tender.priceOpenedAt || !tender.priceKeyWrapped || tender.status !== "EVALUATION")
    throw new AppError("INVALID_STATE", "priceNextNotOpened");
  if (tender.evaluationMethod !== "KUALITAS") throw new AppError("INVALID_STATE", "priceNextOnlyKualitas");
  const opened = await tx.bid.findMany({
    where: { tenderId, status: "SUBMITTED", priceOpenedAt: { not: null } },
    select: { id: true, negotiations: { select: { outcome: true } } },
  });
  if (opened.some((b) => !b.negotiations.some((n) => n.outcome === "FAILED")))
    throw new AppError("INVALID_STATE", "priceNextNegotiationNotFailed");

  const results = await technicalResults(tx, tenderId);
  const next = nextPriceToOpen(
    results,
    passingGradeOf(tender),
    opened.map((b) => b.id),
  );
  if (!next) return null;
  const key = await unwrapAtRest(tender.priceKeyWrapped, priceKeyContext(tenderId));
  try {
    const now = await dbNow(tx);
    const [bid] = await openPriceEnvelopes(tx, key, [next], now);
    await recordAuditEvent(tx, {
      actor,
      action: "bid.priceOpened",
      entityType: "Bid",
      entityId: next,
      data: { tenderId, code: tender.code, reason: "KUALITAS: negosiasi sebelumnya gagal", bid },
    });
    return { bidId: next, price: bid?.price ? BigInt(bid.price) : null };
  } finally {
    key.fill(0);
  }
}
