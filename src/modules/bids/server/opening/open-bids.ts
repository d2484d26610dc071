import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { dbNow, type Tx } from "@/server/db";
import { openedKeyContext } from "../../domain/at-rest-cipher";
import { tenderRecordHeader, type OpenedBid, type OpeningRecord } from "../../domain/opening-record";
import { decideOpeningOutcome, defectsOf, openingRefusal } from "../../domain/opening-rules";
import { wrapAtRest } from "./at-rest-key";
import { renderBeritaAcara } from "./berita-acara";
import { applyTenderEvent } from "@/modules/tenders";
import { getLpseLetterhead } from "@/modules/lpse";
import { evaluateTenderCepat } from "@/modules/evaluation";
import { checkSealedBid, unopened } from "./check-sealed-bid";
import { loadSealedBids, openedBidOf } from "./load-sealed-bids";
import { openQualification } from "./open-qualification";
import { OPENING_TENDER_SELECT, openingStateOf, type OpeningTender } from "./opening-state";
import { recoverSplitKey, runOpening, storeBeritaAcara } from "./split-key-opening";
import { OPENING_KEY } from "./split-keys";

async function openAll(tx: Tx, tender: OpeningTender, privateKey: Buffer | null): Promise<OpenedBid[]> {
  const opened: OpenedBid[] = [];
  for (const sealed of await loadSealedBids(tx, { tenderId: tender.id })) {
    const { bid, receipt } = sealed;
    if (!privateKey) {
      const files = bid.files.map((f) => ({ ...unopened(f), status: "NOT_OPENED" as const }));
      opened.push(openedBidOf(sealed, { price: null, priceStatus: "NOT_OPENED", files }));
      continue;
    }
    // checkSealedBid never throws, and a price it returns is within the rupiah ceiling
    // (which the column's CHECK holds too), so no bid's content can abort this transaction.
    // Two envelopes: the price and the HARGA files stay sealed to the price key (decision 0042).
    const checked = await checkSealedBid(privateKey, bid, receipt, tender.priceKey ? "OPENING" : "ALL");
    if (checked.price !== null) await tx.bid.update({ where: { id: bid.id }, data: { openedPrice: checked.price } });
    await openQualification(tx, privateKey, bid.id, receipt); // issue 15, helper C: the sealed qualification form
    opened.push(openedBidOf(sealed, checked));
  }
  return opened;
}

/**
 * The opening, once k members have approved: under the tender's row lock, and only if it
 * has not happened yet (a second caller finds openedAt set and does nothing). Every
 * SUBMITTED bid is opened and checked against its receipt, the results and the Berita
 * Acara are stored, the shares kept for the approval are deleted and the opened key is
 * kept, wrapped at rest, for the evaluation. Too few bids fail the tender and leave the
 * bids sealed: their prices are no one's business in a tender ulang.
 */
export function openBids(tenderId: string, actor: Actor | null): Promise<{ opened: boolean }> {
  return runOpening(tenderId, async (tx, held) => {
    const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select: OPENING_TENDER_SELECT });
    if (openingRefusal(openingStateOf(tender), await dbNow(tx))) return { opened: false };
    const bidCount = await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } });
    const outcome = decideOpeningOutcome(bidCount, tender.procedure.minBids, tender.procedure.name);
    const { threshold, publicKey } = tender.openingKey!;
    const approved = await recoverSplitKey(tx, OPENING_KEY, held, { id: tenderId, threshold, publicKey });
    if (!approved) return { opened: false };

    const bids = await openAll(tx, tender, outcome.failed ? null : held.key);
    const openedAt = await dbNow(tx);
    await tx.bidDefect.createMany({
      data: bids.flatMap((bid) => defectsOf(bid).map((d) => ({ ...d, bidId: bid.bidId, recordedAt: openedAt }))),
    });
    const record: OpeningRecord = {
      ...tenderRecordHeader(tender),
      deadline: openingStateOf(tender).deadline!.toISOString(),
      openedAt: openedAt.toISOString(),
      threshold,
      shareholders: approved.shareholders,
      approvers: approved.approvers,
      bids,
      failure: outcome.failed ? { kind: outcome.kind, endReason: outcome.endReason } : null,
    };
    const beritaAcara = await storeBeritaAcara(tx, held, {
      tenderId,
      fileName: `BA-Pembukaan-${tender.code}.pdf`,
      pdf: await renderBeritaAcara(record, await getLpseLetterhead(tx)),
      actor,
    });
    if (!outcome.failed)
      await tx.tender.update({
        where: { id: tenderId },
        data: { openedKeyWrapped: await wrapAtRest(held.key!, openedKeyContext(tenderId)) },
      });
    // Audit last: the chain lock is held until commit, so the slow part above runs without it.
    // Prices are in the record: they are read out to the participants at the opening anyway.
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "opened" },
      { actor, now: openedAt, audit: { ...record, beritaAcara } },
    );
    if (outcome.failed) {
      const failed = { kind: "failed", failureKind: outcome.kind, endReason: outcome.endReason } as const;
      await applyTenderEvent(tx, tenderId, failed, {
        actor,
        now: openedAt,
        audit: { code: tender.code, bidCount },
      });
    }
    // Tender Cepat: the system evaluates at once (qualification from the verified profile, price only).
    if (!outcome.failed) await evaluateTenderCepat(tx, tenderId, openedAt, actor);
    return { opened: true };
  });
}
