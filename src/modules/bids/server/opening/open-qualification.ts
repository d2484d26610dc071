import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { dbNow, type Tx } from "@/server/db";
import type { BidDefectCode } from "../../domain/bid-defects";
import { matchesCommitment, readSealedQualification } from "../../domain/qualification-seal";
import type { ReceiptPayload } from "../../domain/verify-receipt";

/**
 * What the opening finds in one bid's sealed qualification form, against the commitment on
 * its trusted receipt (an untrusted receipt counts as none, as for the price): null when
 * there is nothing to find wrong, else the defect. Never throws on the content.
 */
export function judgeQualification(
  privateKey: Uint8Array,
  sealed: Uint8Array | null,
  receipt: Pick<ReceiptPayload, "qualificationCommitment"> | null,
): { defect: BidDefectCode | null; form: Record<string, unknown> | null } {
  const committed = receipt?.qualificationCommitment;
  if (!sealed) return { defect: committed ? "QUALIFICATION_UNOPENABLE" : null, form: null };
  let reading: ReturnType<typeof readSealedQualification>;
  try {
    reading = readSealedQualification(privateKey, sealed);
  } catch {
    return { defect: "QUALIFICATION_UNOPENABLE", form: null };
  }
  // a form the receipt does not commit to (added, or swapped for another) is not the one sent
  if (!committed || !matchesCommitment(reading.commitment, committed))
    return { defect: "QUALIFICATION_COMMITMENT_MISMATCH", form: null };
  if (reading.status !== "OK") return { defect: "QUALIFICATION_MALFORMED", form: null };
  return { defect: null, form: reading.form };
}

/**
 * At the opening (open-bids.ts calls it once per bid, with the opening key): the sealed
 * qualification form is decrypted into Bid.openedQualification when it matches its
 * commitment; a mismatch, a form that does not open or is not a form is recorded as the
 * bid's defect, like a price's (decision 0007: a defect rejects nothing by itself).
 */
export async function openQualification(
  tx: Tx,
  privateKey: Uint8Array,
  bidId: string,
  receipt: ReceiptPayload | null,
): Promise<void> {
  const bid = await tx.bid.findUniqueOrThrow({ where: { id: bidId }, select: { sealedQualification: true } });
  const { defect, form } = judgeQualification(privateKey, bid.sealedQualification, receipt);
  if (form)
    await tx.bid.update({ where: { id: bidId }, data: { openedQualification: form as Prisma.InputJsonObject } });
  if (defect) await tx.bidDefect.create({ data: { bidId, code: defect, recordedAt: await dbNow(tx) } });
}
