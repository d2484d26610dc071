import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { lockPokjaTender } from "@/modules/tenders";
import { db } from "@/server/db";
import type { ApproveOpeningInput } from "../../bid.schemas";
import { openBids } from "./open-bids";
import { assertOpenable, OPENING_TENDER_SELECT } from "./opening-state";
import { approveSplitKey, type ApprovalResult } from "./split-key-approval";
import { OPENING_KEY } from "./split-keys";

/**
 * A Pokja member approves the opening with their own opening passphrase, only after the
 * bid deadline by the database clock; the k-th approval opens the bids (k of n, held as
 * split-key-approval.ts says).
 */
export function approveOpening(actor: Actor, input: ApproveOpeningInput): Promise<ApprovalResult> {
  const { tenderId } = input;
  return approveSplitKey(actor, input, OPENING_KEY, {
    read: (tx) =>
      tx
        ? lockPokjaTender(tx, actor, tenderId, "tender.open", OPENING_TENDER_SELECT)
        : db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: OPENING_TENDER_SELECT }),
    assertOpenable: async (_client, tender, now) => assertOpenable(tender, now, actor.locale),
    threshold: (tender) => tender.openingKey!.threshold,
    open: () => openBids(tenderId, actor),
  });
}
