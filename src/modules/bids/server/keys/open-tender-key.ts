import "server-only";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { findBidDeadline } from "@/modules/tenders/domain/schedule";
import { openKey } from "../../domain/envelope";
import { unlockPersonalKey } from "../../domain/personal-key";
import { combineShares } from "../../domain/shamir";
import { decodePublicKey, publicKeyOf } from "../../domain/x25519";

export interface OpeningApproval {
  userId: string;
  passphrase: string;
}

/**
 * Recovers the tender's opening private key from at least k Pokja members' passphrases,
 * only after the bid deadline by the database clock. The opening use case (next issue)
 * calls this and records who approved; the key must stay in memory and be zeroed after.
 * `now` defaults to, and must come from, the database clock.
 */
export async function openTenderKey(tenderId: string, approvals: OpeningApproval[], now?: Date): Promise<Buffer> {
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      openingKey: { select: { publicKey: true, threshold: true } },
      stages: { select: { kind: true, startsAt: true, endsAt: true } },
    },
  });
  if (!tender) throw new AppError("NOT_FOUND");
  if (!tender.openingKey) throw new AppError("INVALID_STATE", "openingKeyNotReady");
  const deadline = findBidDeadline(tender.stages);
  const at = now ?? (await dbNow());
  if (!deadline || at.getTime() < deadline.getTime()) throw new AppError("INVALID_STATE", "openingBeforeDeadline");

  const distinct = [...new Map(approvals.map((a) => [a.userId, a])).values()];
  const threshold = tender.openingKey.threshold;
  if (distinct.length < threshold)
    throw new AppError("INVALID_STATE", "openingQuorumMissing", { threshold, count: distinct.length });

  const rows = await db.tenderKeyShare.findMany({
    where: { tenderId, userId: { in: distinct.map((a) => a.userId) } },
    select: { userId: true, sealedShare: true },
  });
  if (rows.length < threshold)
    throw new AppError("INVALID_STATE", "openingQuorumMissing", { threshold, count: rows.length });
  const personal = await db.userOpeningKey.findMany({ where: { userId: { in: rows.map((r) => r.userId) } } });

  const shares: Buffer[] = [];
  for (const row of rows) {
    const stored = personal.find((p) => p.userId === row.userId);
    const key = stored
      ? await unlockPersonalKey(stored, distinct.find((a) => a.userId === row.userId)!.passphrase)
      : null;
    if (!key) throw new AppError("VALIDATION", "openingPassphraseWrong");
    try {
      shares.push(openKey(key, row.sealedShare));
    } finally {
      key.fill(0);
    }
  }
  const privateKey = await combineShares(shares);
  shares.forEach((s) => s.fill(0));
  // A wrong share would give a wrong key silently; the public key tells.
  if (!publicKeyOf(privateKey).equals(decodePublicKey(tender.openingKey.publicKey)))
    throw new Error("recombined opening key does not match the tender's public key");
  return privateKey;
}
