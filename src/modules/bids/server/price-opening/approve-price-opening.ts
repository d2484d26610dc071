import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { lockPokjaTender } from "@/modules/tenders";
import { db } from "@/server/db";
import type { ApproveOpeningInput } from "../../bid.schemas";
import { approveSplitKey, type ApprovalResult } from "../opening/split-key-approval";
import { PRICE_KEY } from "../opening/split-keys";
import { openPrices } from "./open-prices";
import { assertPriceOpenable, PRICE_OPENING_SELECT, technicalResults } from "./price-opening-state";

/**
 * Pembukaan harga (two envelopes, decision 0042): a Pokja member approves with their own
 * opening passphrase, from the PEMBUKAAN_HARGA stage on and once the technical evaluation
 * decided every bid. As at the first opening (split-key-approval.ts), the unlocked share of
 * the price key is kept wrapped at rest until k members approved, and the k-th approval
 * runs the price opening.
 */
export function approvePriceOpening(actor: Actor, input: ApproveOpeningInput): Promise<ApprovalResult> {
  const { tenderId } = input;
  return approveSplitKey(actor, input, PRICE_KEY, {
    read: (tx) =>
      tx
        ? lockPokjaTender(tx, actor, tenderId, "tender.open", PRICE_OPENING_SELECT)
        : db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: PRICE_OPENING_SELECT }),
    assertOpenable: async (client, tender, now) =>
      assertPriceOpenable(tender, await technicalResults(client, tenderId), now, actor.locale),
    threshold: (tender) => tender.priceKey!.threshold,
    open: () => openPrices(tenderId, actor),
  });
}
