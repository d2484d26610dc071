import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { QualificationForm } from "@/modules/qualification/domain";
import { openAsSealer, openKey, sealKey } from "./envelope";
import { canonicalJson } from "./verify-receipt";

/**
 * The vendor's qualification form is sealed like the price (price-seal.ts): as
 * "salt:canonical JSON" to the tender's opening key, so nobody, the Pokja included, can read
 * it before the opening. The receipt carries SHA-256 of exactly those bytes; after the opening
 * anyone holding the form and the salt can recompute it, and before it the 256-bit salt keeps
 * the commitment from being guessed from a vendor's public profile.
 */
export const qualificationCommitmentOf = (plain: Uint8Array | string) =>
  createHash("sha256").update(plain).digest("hex");

const plainOf = (salt: string, form: QualificationForm) => `${salt}:${canonicalJson(form)}`;

export function sealQualification(openingPublicKey: Uint8Array, form: QualificationForm) {
  const salt = randomBytes(32).toString("hex");
  const plain = Buffer.from(plainOf(salt, form), "utf8");
  const sealed = sealKey(openingPublicKey, plain);
  return {
    sealedQualification: sealed.envelope,
    qualificationCommitment: qualificationCommitmentOf(plain),
    ephemeralPrivateKey: sealed.ephemeralPrivateKey,
  };
}

const SEALED_TEXT = /^([0-9a-f]{64}):(\{.*\})$/s;

export type SealedQualificationReading =
  | { status: "OK"; form: Record<string, unknown>; commitment: string }
  | { status: "MALFORMED"; form: null; commitment: string };

/**
 * At the opening: whatever the envelope holds, its commitment over the exact bytes sealed, and
 * the form when it is "salt:{JSON object}". Throws only when the envelope does not open with
 * this key. The form's shape is not judged here: the Pokja reads what was sealed.
 */
export function readSealedQualification(
  openingPrivateKey: Uint8Array,
  sealedQualification: Uint8Array,
): SealedQualificationReading {
  const plain = openKey(openingPrivateKey, sealedQualification);
  const commitment = qualificationCommitmentOf(plain);
  const match = SEALED_TEXT.exec(plain.toString("utf8"));
  if (!match) return { status: "MALFORMED", form: null, commitment };
  try {
    const form = JSON.parse(match[2]!) as unknown;
    return form !== null && typeof form === "object" && !Array.isArray(form)
      ? { status: "OK", form: form as Record<string, unknown>, commitment }
      : { status: "MALFORMED", form: null, commitment };
  } catch {
    return { status: "MALFORMED", form: null, commitment };
  }
}

/** The stored envelope matches the commitment (timing-safe), as a reading's commitment is compared. */
export const matchesCommitment = (commitment: string, expected: string) =>
  commitment.length === expected.length && timingSafeEqual(Buffer.from(commitment), Buffer.from(expected));

/** At submission: the stored envelope opens (sealer side) to this form and commitment. */
export function provesQualificationSealed(
  ephemeralPrivateKey: Uint8Array,
  openingPublicKey: Uint8Array,
  sealedQualification: Uint8Array,
  form: QualificationForm,
  commitment: string,
): boolean {
  try {
    const plain = openAsSealer(ephemeralPrivateKey, openingPublicKey, sealedQualification);
    const match = SEALED_TEXT.exec(plain.toString("utf8"));
    return (
      match !== null &&
      match[2] === canonicalJson(form) &&
      matchesCommitment(qualificationCommitmentOf(plain), commitment)
    );
  } catch {
    return false;
  }
}
