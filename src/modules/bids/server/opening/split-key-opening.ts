import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, type Tx } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import type { Approver } from "../../domain/opening-record";
import { combineShares } from "../../domain/shamir";
import { decodePublicKey, publicKeyOf } from "../../domain/x25519";
import { unwrapAtRest } from "./at-rest-key";
import type { SplitKey } from "./split-keys";

// Decrypting every file of every bid can take a while (100 MB a bid); the tender row
// stays locked meanwhile so the opening runs exactly once.
const OPENING_TIMEOUT_MS = 10 * 60_000;

/** What an opening holds that must not outlive it: the private key, and a stored file to remove if it fails. */
export interface Held {
  key: Buffer | null;
  discard: (() => Promise<void>) | null;
}

/** Runs `open` with a Held that is wiped afterwards, and whose stored file is removed if `open` fails. */
export async function holding<T>(open: (held: Held) => Promise<T>): Promise<T> {
  const held: Held = { key: null, discard: null };
  try {
    return await open(held);
  } catch (error) {
    await held.discard?.().catch(() => {});
    throw error;
  } finally {
    held.key?.fill(0);
  }
}

/** An opening of a split key: in its own transaction, under the tender's row lock, so it runs once. */
export function runOpening<T>(tenderId: string, open: (tx: Tx, held: Held) => Promise<T>): Promise<T> {
  return holding((held) =>
    db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
        return open(tx, held);
      },
      { timeout: OPENING_TIMEOUT_MS, maxWait: 30_000 },
    ),
  );
}

/**
 * Once k approvals hold their shares: the private key from the first k, proven against the
 * tender's public key and put in `held.key`; the held shares are then dropped (in the
 * opening's transaction, so only if it commits). Returns who approved and how many members
 * hold a share, for the record; null while fewer than k are held.
 */
export async function recoverSplitKey(
  tx: Tx,
  key: SplitKey,
  held: Held,
  tender: { id: string; threshold: number; publicKey: string },
): Promise<{ approvers: Approver[]; shareholders: number } | null> {
  const approvals = await key.held(tx, tender.id);
  if (approvals.length < tender.threshold) return null;
  const shares = await Promise.all(
    approvals
      .slice(0, tender.threshold)
      .map((a) => unwrapAtRest(a.wrappedShare!, key.shareContext(tender.id, a.userId))),
  );
  try {
    held.key = await combineShares(shares);
  } finally {
    shares.forEach((s) => s.fill(0));
  }
  if (!publicKeyOf(held.key).equals(decodePublicKey(tender.publicKey)))
    throw new Error(`recombined ${key.name} does not match the tender's public key`);
  await key.dropShares(tx, tender.id);
  // one after the other: a transaction is one connection, which runs one query at a time
  const users = await tx.user.findMany({
    where: { id: { in: approvals.map((a) => a.userId) } },
    select: { id: true, name: true },
  });
  const shareholders = await key.shareholders(tx, tender.id);
  const approvers = approvals.map((a) => ({
    userId: a.userId,
    name: users.find((u) => u.id === a.userId)?.name ?? a.userId,
    approvedAt: a.approvedAt.toISOString(),
  }));
  return { approvers, shareholders };
}

/**
 * Stores an opening's Berita Acara: a Document of kind BERITA_ACARA, not public (the
 * tender's participants, its agency's staff and auditors may read it: getDocumentForDownload),
 * in the caller's transaction; `held.discard` removes the file if that fails. Returns what the
 * audit event names, so the PDF can be checked against the trail.
 */
export async function storeBeritaAcara(
  tx: Tx,
  held: Held,
  input: { tenderId: string; fileName: string; pdf: Buffer; actor: Actor | null },
): Promise<{ documentId: string; sha256: string }> {
  const ba = await storeGeneratedPdf(tx, {
    kind: "BERITA_ACARA",
    fileName: input.fileName,
    bytes: input.pdf,
    tenderId: input.tenderId,
    isPublic: false,
    uploadedById: input.actor?.userId,
  });
  held.discard = ba.discard;
  return { documentId: ba.document.id, sha256: ba.document.sha256 };
}
