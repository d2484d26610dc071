import { sign, type KeyObject } from "node:crypto";
import { canonicalJson, type ReceiptPayload, type SignedReceipt } from "./verify-receipt";

/** Signs the canonical JSON of the payload with the instance's Ed25519 key. */
export function signReceipt(receipt: ReceiptPayload, privateKey: KeyObject): SignedReceipt {
  const signature = sign(null, Buffer.from(canonicalJson(receipt)), privateKey).toString("base64");
  return { receipt, signature, algorithm: "Ed25519" };
}
