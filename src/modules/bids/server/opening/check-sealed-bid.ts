import "server-only";
import { timingSafeEqual, type KeyObject } from "node:crypto";
import { readSealedPrice } from "../../domain/price-seal";
import { openSealedFile } from "../open-sealed-file";
import { receiptFileLines, verifyReceipt, type ReceiptPayload } from "../../domain/verify-receipt";
import { reconcileFiles, type CheckedFile, type DecryptedFile, type PriceStatus } from "../../domain/opening-rules";
import { envelopeOf, type Envelope } from "../../domain/price-envelope";

/**
 * What one opening opens: ALL (one envelope, as on every tender), or on a two-envelope
 * tender OPENING (all but the price and the HARGA files) or PRICE (just those).
 */
export type OpeningScope = "ALL" | Envelope;
const inScope = (scope: OpeningScope, item: "PRICE" | string) =>
  scope === "ALL" || envelopeOf(item as "PRICE", true) === scope;

export interface SealedBidRow {
  id: string;
  receiptSignature: string;
  sealedPrice: Uint8Array;
  priceCommitment: string;
  receipt: unknown;
  files: {
    id: string;
    part: string;
    commitment: string;
    storageKey: string;
    wrappedKey: Uint8Array;
    iv: Uint8Array;
    authTag: Uint8Array;
  }[];
}

/**
 * A sealed file opened as a stream (a 20 MB file is never held whole): its commitment
 * recomputed and what its envelope reveals, or null when it cannot be opened (envelope,
 * GCM tag, padding or a missing file). Nothing of the content is kept.
 */
async function openFile(privateKey: Uint8Array, file: SealedBidRow["files"][number]): Promise<DecryptedFile["opened"]> {
  try {
    const { revealed } = await openSealedFile(privateKey, file, false);
    return {
      commitment: revealed.commitment,
      fileName: revealed.fileName,
      sizeBytes: revealed.sizeBytes,
      salt: revealed.salt?.toString("hex") ?? null,
    };
  } catch {
    return null;
  }
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The price: opened, equal to the commitment stored AND the one on the vendor's receipt,
 * well-formed and within the rupiah ceiling. Whatever else the envelope holds is only
 * named, never returned, so it cannot reach a column, the record or a log.
 */
function checkPrice(
  privateKey: Uint8Array,
  bid: SealedBidRow,
  receipt: Partial<ReceiptPayload>,
): { price: bigint | null; priceStatus: PriceStatus } {
  let read;
  try {
    read = readSealedPrice(privateKey, bid.sealedPrice);
  } catch {
    return { price: null, priceStatus: "UNOPENABLE" };
  }
  const matches =
    sameText(read.commitment, bid.priceCommitment) && sameText(read.commitment, String(receipt.priceCommitment ?? ""));
  if (!matches) return { price: null, priceStatus: "COMMITMENT_MISMATCH" };
  return read.status === "OK" ? { price: read.price, priceStatus: "OK" } : { price: null, priceStatus: read.status };
}

/**
 * The receipt as the vendor holds it, trusted only if the instance key signed it for THIS
 * bid: someone who can write rows could otherwise re-seal a price to the public key and
 * rewrite the commitment and hashes to match (the Lampung 2019 Rp0 attack), or put back
 * an earlier, replaced bid. An untrusted receipt counts as no receipt.
 */
export function trustedReceipt(
  bid: Pick<SealedBidRow, "id" | "receipt" | "receiptSignature">,
  instancePublicKey: KeyObject,
): ReceiptPayload | null {
  const verified = verifyReceipt(
    { receipt: bid.receipt, signature: bid.receiptSignature, algorithm: "Ed25519" },
    instancePublicKey,
  );
  return verified.valid && verified.receipt.bidId === bid.id ? verified.receipt : null;
}

export interface CheckedBid {
  price: bigint | null;
  priceStatus: PriceStatus;
  files: CheckedFile[];
}

/**
 * Opens one bid (or, with two envelopes, one envelope of it: `scope`) with the matching
 * private key and checks it against its receipt. Nothing
 * here rejects a bid or throws: every result is recorded, and what cannot be opened is
 * named, so one bid can never stop the others from opening.
 */
export async function checkSealedBid(
  privateKey: Uint8Array,
  bid: SealedBidRow,
  receipt: ReceiptPayload | null,
  scope: OpeningScope = "ALL",
): Promise<CheckedBid> {
  const files = bid.files.filter((f) => inScope(scope, f.part));
  // the other envelope's files, named and left sealed (only at the first of two openings)
  const left: CheckedFile[] =
    scope === "OPENING"
      ? bid.files
          .filter((f) => !inScope(scope, f.part))
          .map((f) => ({ ...unopened(f), status: "PRICE_ENVELOPE" as const }))
      : [];
  try {
    const decrypted: DecryptedFile[] = [];
    for (const file of files)
      decrypted.push({
        id: file.id,
        part: file.part,
        commitment: file.commitment,
        opened: await openFile(privateKey, file),
      });
    const lines = receipt ? receiptFileLines(receipt).filter((l) => inScope(scope, l.part)) : [];
    const price = inScope(scope, "PRICE")
      ? checkPrice(privateKey, bid, receipt ?? {})
      : { price: null, priceStatus: "PRICE_ENVELOPE" as const };
    return { ...price, files: [...reconcileFiles(decrypted, lines), ...left] };
  } catch {
    // Unforeseen content (a receipt or row no check above expected): the bid is named as
    // not openable rather than failing the opening. The error is not kept: its message
    // could quote what was decrypted.
    return {
      price: null,
      priceStatus: inScope(scope, "PRICE") ? "UNOPENABLE" : "PRICE_ENVELOPE",
      files: [...files.map((f) => ({ ...unopened(f), status: "UNOPENABLE" as const })), ...left],
    };
  }
}

/** A file named by its commitment, its content not read (a seal that stays shut or could not be opened). */
export const unopened = (f: SealedBidRow["files"][number]) => ({
  fileId: f.id,
  part: f.part,
  commitment: f.commitment,
  fileName: null,
  sizeBytes: null,
  salt: null,
});
