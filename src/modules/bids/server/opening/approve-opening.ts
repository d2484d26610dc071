import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { openKey } from "../../domain/envelope";
import { unlockPersonalKey } from "../../domain/personal-key";
import { assertPokjaAccess, lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ApproveOpeningInput } from "../../bid.schemas";
import { shareContext } from "../../domain/at-rest-cipher";
import { wrapAtRest } from "./at-rest-key";
import { openBids } from "./open-bids";
import { assertOpenable, OPENING_TENDER_SELECT } from "./opening-state";

export interface ApprovalResult {
  approvals: number;
  threshold: number;
  opened: boolean;
}

async function progress(tenderId: string): Promise<ApprovalResult> {
  const [tender, approvals] = await Promise.all([
    db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { openedAt: true, openingKey: { select: { threshold: true } } },
    }),
    db.openingApproval.count({ where: { tenderId } }),
  ]);
  return { approvals, threshold: tender.openingKey?.threshold ?? 0, opened: tender.openedAt !== null };
}

/** The member's own share, unlocked with their passphrase; a wrong one stores nothing. */
async function unlockShare(userId: string, tenderId: string, passphrase: string): Promise<Buffer> {
  const [share, personal] = await Promise.all([
    db.tenderKeyShare.findUnique({ where: { tenderId_userId: { tenderId, userId } }, select: { sealedShare: true } }),
    db.userOpeningKey.findUnique({ where: { userId } }),
  ]);
  // A member who joined after publication holds no share of this tender's key.
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
 * A Pokja member approves the opening with their own opening passphrase, only after the
 * bid deadline by the database clock. The unlocked share is kept wrapped with the
 * at-rest key until k members have approved; the k-th approval runs the opening. Asking
 * again changes nothing (and retries an opening that did not finish).
 */
export async function approveOpening(actor: Actor, input: ApproveOpeningInput): Promise<ApprovalResult> {
  const { tenderId } = input;
  await assertPokjaAccess(db, actor, tenderId, "tender.open");
  const mine = await db.openingApproval.findUnique({
    where: { tenderId_userId: { tenderId, userId: actor.userId } },
    select: { approvedAt: true },
  });
  if (!mine) {
    // Checked before the slow passphrase work, and again under the lock below.
    assertOpenable(
      await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: OPENING_TENDER_SELECT }),
      await dbNow(),
      actor.locale,
    );
    const share = await unlockShare(actor.userId, tenderId, input.passphrase);
    try {
      const wrappedShare = await wrapAtRest(share, shareContext(tenderId, actor.userId));
      await db.$transaction(async (tx) => {
        const tender = await lockPokjaTender(tx, actor, tenderId, "tender.open", OPENING_TENDER_SELECT);
        const now = await dbNow(tx);
        assertOpenable(tender, now, actor.locale);
        // A double submit that raced past the first check: the first one counts.
        if (
          await tx.openingApproval.findUnique({
            where: { tenderId_userId: { tenderId, userId: actor.userId } },
            select: { userId: true },
          })
        )
          return;
        await tx.openingApproval.create({ data: { tenderId, userId: actor.userId, approvedAt: now, wrappedShare } });
        const approvals = await tx.openingApproval.count({ where: { tenderId } });
        await recordAuditEvent(tx, {
          actor,
          action: "tender.openingApproved",
          entityType: "Tender",
          entityId: tenderId,
          data: { code: tender.code, approvals, threshold: tender.openingKey!.threshold },
        });
      });
    } finally {
      share.fill(0);
    }
  }
  const before = await progress(tenderId);
  if (before.opened || before.approvals < before.threshold) return before;
  await openBids(tenderId, actor);
  return progress(tenderId);
}
