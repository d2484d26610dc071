import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { verifyReceipt, type VerifyResult } from "../domain/verify-receipt";

/**
 * The keys a receipt held here may be signed by: this instance's own, and the keys of the
 * LPSEs a tender was moved from (TrustedInstanceKey, kept by the tender import, decision
 * 0040), so a vendor's old receipt still verifies after its tender moved.
 */
export interface ReceiptKey {
  publicKey: KeyObject;
  /** null: this instance; otherwise the LPSE that signed it */
  lpseName: string | null;
}

function fingerprintOf(input: unknown): string | null {
  try {
    const parsed = (typeof input === "string" ? JSON.parse(input) : input) as {
      receipt?: { instanceKeyFingerprint?: unknown };
    } | null;
    const fp = parsed?.receipt?.instanceKeyFingerprint;
    return typeof fp === "string" ? fp : null;
  } catch {
    return null;
  }
}

/** The key that the receipt names, when this instance knows it; this instance's own otherwise. */
export async function receiptKeyFor(input: unknown, client: Tx | typeof db = db): Promise<ReceiptKey> {
  const own = await getInstanceKey();
  const fingerprint = fingerprintOf(input);
  if (fingerprint && fingerprint !== own.fingerprint) {
    const trusted = await client.trustedInstanceKey.findUnique({ where: { fingerprint } });
    if (trusted) return { publicKey: createPublicKey(trusted.publicKey), lpseName: trusted.lpseName };
  }
  return { publicKey: own.publicKey, lpseName: null };
}

/** verifyReceipt against the key the receipt names, and which LPSE that key belongs to. */
export async function verifyReceiptHere(input: unknown): Promise<VerifyResult & { signedBy: string | null }> {
  const key = await receiptKeyFor(input);
  return { ...verifyReceipt(input, key.publicKey), signedBy: key.lpseName };
}
