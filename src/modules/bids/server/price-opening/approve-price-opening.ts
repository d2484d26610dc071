import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { openKey } from "../../domain/envelope";
import { unlockPersonalKey } from "../../domain/personal-key";
import { assertPokjaAccess, lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ApproveOpeningInput } from "../../bid.schemas";
import { priceShareContext } from "../../domain/at-rest-cipher";
import { wrapAtRest } from "../opening/at-rest-key";
import { openPrices } from "./open-prices";
import { assertPriceOpenable, PRICE_OPENING_SELECT, technicalResults } from "./price-opening-state";

export interface PriceApprovalResult {
  approvals: number;
  threshold: number;
  opened: boolean;
}

async function progress(tenderId: string): Promise<PriceApprovalResult> {
  const [tender, approvals] = await Promise.all([
    db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { priceOpenedAt: true, priceKey: { select: { threshold: true } } },
    }),
    db.priceOpeningApproval.count({ where: { tenderId } }),
  ]);
  return { approvals, threshold: tender.priceKey?.threshold ?? 0, opened: tender.priceOpenedAt !== null };
}

/** The member's own share of the PRICE key, unlocked with their passphrase; a wrong one stores nothing. */
async function unlockPriceShare(userId: string, tenderId: string, passphrase: string): Promise<Buffer> {
  const [share, personal] = await Promise.all([
    db.tenderPriceKeyShare.findUnique({
      where: { tenderId_userId: { tenderId, userId } },
      select: { sealedShare: true },
    }),
    db.userOpeningKey.findUnique({ where: { userId } }),
  ]);
  if (!share || !personal) throw new AppError("INVALID_STATE", "openingNoShare");
  const key = await unlockPersonalKey(personal, passphrase);
  if (!key) throw new AppError("VALIDATION", "openingPassphraseWrong", {}, { passphrase: ["openingPassphraseWrong"] });
  try {
    return openKey(key, share.sealedShare);
  } finally {
    key.fill(0);
  }
}

/**
 * Pembukaan harga (two envelopes, decision 0042): a Pokja member approves with their own
 * opening passphrase, from the PEMBUKAAN_HARGA stage on and once the technical evaluation
 * decided every bid. As at the first opening, the unlocked share of the price key is kept
 * wrapped at rest until k members approved, and the k-th approval runs the price opening.
 * Asking again changes nothing (and retries a price opening that did not finish).
 */
export async function approvePriceOpening(actor: Actor, input: ApproveOpeningInput): Promise<PriceApprovalResult> {
  const { tenderId } = input;
  await assertPokjaAccess(db, actor, tenderId, "tender.open");
  const mine = await db.priceOpeningApproval.findUnique({
    where: { tenderId_userId: { tenderId, userId: actor.userId } },
    select: { approvedAt: true },
  });
  if (!mine) {
    // Checked before the slow passphrase work, and again under the lock below.
    assertPriceOpenable(
      await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: PRICE_OPENING_SELECT }),
      await technicalResults(db, tenderId),
      await dbNow(),
      actor.locale,
    );
    const share = await unlockPriceShare(actor.userId, tenderId, input.passphrase);
    try {
      const wrappedShare = await wrapAtRest(share, priceShareContext(tenderId, actor.userId));
      await db.$transaction(async (tx) => {
        const tender = await lockPokjaTender(tx, actor, tenderId, "tender.open", PRICE_OPENING_SELECT);
        const now = await dbNow(tx);
        assertPriceOpenable(tender, await technicalResults(tx, tenderId), now, actor.locale);
        // A double submit that raced past the first check: the first one counts.
        const again = await tx.priceOpeningApproval.findUnique({
          where: { tenderId_userId: { tenderId, userId: actor.userId } },
          select: { userId: true },
        });
        if (again) return;
        await tx.priceOpeningApproval.create({
          data: { tenderId, userId: actor.userId, approvedAt: now, wrappedShare },
        });
        const approvals = await tx.priceOpeningApproval.count({ where: { tenderId } });
        await recordAuditEvent(tx, {
          actor,
          action: "tender.priceOpeningApproved",
          entityType: "Tender",
          entityId: tenderId,
          data: { code: tender.code, approvals, threshold: tender.priceKey!.threshold },
        });
      });
    } finally {
      share.fill(0);
    }
  }
  const before = await progress(tenderId);
  if (before.opened || before.approvals < before.threshold) return before;
  await openPrices(tenderId, actor);
  return progress(tenderId);
}
