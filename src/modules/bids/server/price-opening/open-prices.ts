import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { applyTenderEvent } from "@/modules/tenders";
import { getLpseLetterhead } from "@/modules/lpse";
import { dbNow } from "@/server/db";
import { priceKeyContext } from "../../domain/at-rest-cipher";
import type { PriceOpeningRecord } from "../../domain/opening-record";
import { bidsWhosePriceOpens, priceOpeningRefusal } from "../../domain/price-envelope";
import { wrapAtRest } from "../opening/at-rest-key";
import { recoverSplitKey, runOpening, storeBeritaAcara } from "../opening/split-key-opening";
import { PRICE_KEY } from "../opening/split-keys";
import { openPriceEnvelopes } from "./open-price-envelopes";
import { renderPriceBeritaAcara } from "./price-berita-acara";
import {
  passingGradeOf,
  PRICE_OPENING_SELECT,
  priceOpeningStateOf,
  priceRecordHeader,
  technicalResults,
} from "./price-opening-state";

/**
 * The price opening, once k members approved: under the tender's row lock, once. Opens the
 * price envelopes (price and HARGA files) of the bids the pure rule names (passed the
 * technical evaluation; for KUALITAS the first-ranked only); every other price stays
 * sealed. Writes openedPrice and Bid.priceOpenedAt, the Berita Acara Pembukaan Harga, the
 * lifecycle's `priceOpened` event, then keeps the price key wrapped at rest (after the
 * event: the CHECK allows it only once priceOpenedAt is set) for the Pokja to read the
 * HARGA files and for openNextPrice (decision 0042); the approvals' shares are dropped.
 */
export function openPrices(tenderId: string, actor: Actor | null): Promise<{ opened: boolean }> {
  return runOpening(tenderId, async (tx, held) => {
    const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select: PRICE_OPENING_SELECT });
    const results = await technicalResults(tx, tenderId);
    if (priceOpeningRefusal(priceOpeningStateOf(tender, results), await dbNow(tx))) return { opened: false };
    const { threshold, publicKey } = tender.priceKey!;
    const approved = await recoverSplitKey(tx, PRICE_KEY, held, { id: tenderId, threshold, publicKey });
    if (!approved) return { opened: false };

    const chosen = bidsWhosePriceOpens(results, passingGradeOf(tender), tender.evaluationMethod);
    const openedAt = await dbNow(tx);
    const bids = await openPriceEnvelopes(tx, held.key!, chosen, openedAt);
    const sealedIds = results.map((r) => r.bidId).filter((id) => !chosen.includes(id));
    const record: PriceOpeningRecord = {
      ...(await priceRecordHeader(tx, tender, openedAt, sealedIds)),
      threshold,
      shareholders: approved.shareholders,
      approvers: approved.approvers,
      bids,
    };
    const beritaAcara = await storeBeritaAcara(tx, held, {
      tenderId,
      fileName: `BA-Pembukaan-Harga-${tender.code}.pdf`,
      pdf: await renderPriceBeritaAcara(record, await getLpseLetterhead(tx)),
      actor,
    });
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "priceOpened" },
      { actor, now: openedAt, audit: { ...record, beritaAcara } },
    );
    await tx.tender.update({
      where: { id: tenderId },
      data: { priceKeyWrapped: await wrapAtRest(held.key!, priceKeyContext(tenderId)) },
    });
    return { opened: true };
  });
}
