import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow, type Db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ApproveOpeningInput } from "../../bid.schemas";
import { openKey } from "../../domain/envelope";
import { unlockPersonalKey } from "../../domain/personal-key";
import { wrapAtRest } from "./at-rest-key";
import type { SplitKey } from "./split-keys";

export interface ApprovalResult {
  approvals: number;
  threshold: number;
  opened: boolean;
}

/** What differs between the two openings' approvals: their state rule and what the k-th one runs. */
export interface ApprovalRules<T extends { code: string }> {
  /** the tender: as is for the early check, locked (`lockPokjaTender`) in the approval's transaction */
  read: (tx?: Tx) => Promise<T>;
  /** throws the refusal, if any, the member can read */
  assertOpenable: (client: Db | Tx, tender: T, now: Date) => Promise<void>;
  threshold: (tender: T) => number;
  /** the opening the k-th approval runs */
  open: () => Promise<unknown>;
}

async function progress(key: SplitKey, tenderId: string): Promise<ApprovalResult> {
  const [state, approvals] = await Promise.all([key.state(tenderId), key.approvals(db, tenderId)]);
  return { approvals, ...state };
}

/** The member's own share of the key, unlocked with their passphrase; a wrong one stores nothing. */
async function unlockShare(key: SplitKey, userId: string, tenderId: string, passphrase: string): Promise<Buffer> {
  const [share, personal] = await Promise.all([
    key.sealedShare(tenderId, userId),
    db.userOpeningKey.findUnique({ where: { userId } }),
  ]);
  // A member who joined after publication holds no share of this tender's key.
  if (!share || !personal) throw new AppError("INVALID_STATE", "openingNoShare");
  const personalKey = await unlockPersonalKey(personal, passphrase);
  if (!personalKey)
    throw new AppError("VALIDATION", "openingPassphraseWrong", {}, { passphrase: ["openingPassphraseWrong"] });
  try {
    return openKey(personalKey, share.sealedShare);
  } finally {
    personalKey.fill(0);
  }
}

/**
 * A Pokja member approves an opening of a split key with their own opening passphrase
 * (`tender.open`). The unlocked share is kept wrapped with the at-rest key until k members
 * have approved; the k-th approval runs the opening. Asking again changes nothing (and
 * retries an opening that did not finish).
 */
export async function approveSplitKey<T extends { code: string }>(
  actor: Actor,
  input: ApproveOpeningInput,
  key: SplitKey,
  rules: ApprovalRules<T>,
): Promise<ApprovalResult> {
  const { tenderId } = input;
  const { userId } = actor;
  await assertPokjaAccess(db, actor, tenderId, "tender.open");
  if (!(await key.hasApproved(db, tenderId, userId))) {
    // Checked before the slow passphrase work, and again under the lock below.
    await rules.assertOpenable(db, await rules.read(), await dbNow());
    const share = await unlockShare(key, userId, tenderId, input.passphrase);
    try {
      const wrappedShare = await wrapAtRest(share, key.shareContext(tenderId, userId));
      await db.$transaction(async (tx) => {
        const tender = await rules.read(tx);
        const now = await dbNow(tx);
        await rules.assertOpenable(tx, tender, now);
        // A double submit that raced past the first check: the first one counts.
        if (await key.hasApproved(tx, tenderId, userId)) return;
        await key.addApproval(tx, { tenderId, userId, approvedAt: now, wrappedShare });
        const approvals = await key.approvals(tx, tenderId);
        await recordAuditEvent(tx, {
          actor,
          action: key.approvedAction,
          entityType: "Tender",
          entityId: tenderId,
          data: { code: tender.code, approvals, threshold: rules.threshold(tender) },
        });
      });
    } finally {
      share.fill(0);
    }
  }
  const before = await progress(key, tenderId);
  if (before.opened || before.approvals < before.threshold) return before;
  await rules.open();
  return progress(key, tenderId);
}
