import "server-only";
import { buildQualificationForm, type QualificationChoices } from "@/modules/qualification";
import { hasRequirements, qualificationRequirementsSchema } from "@/modules/qualification/domain";
import { requiredBidParts } from "@/modules/tenders/domain";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { BidPart } from "../domain/bid-part";
import { provesQualificationSealed, sealQualification } from "../domain/qualification-seal";
import { toBytes } from "../domain/x25519";

/** What a bid on this tender must contain besides its price: its parts and, when asked, the qualification form. */
export async function loadBidContentRules(tx: Db | Tx, tenderId: string) {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      bidParts: true,
      bidSecurityAmount: true,
      qualificationRequirements: true,
      procedure: { select: { bidParts: true } },
    },
  });
  const parsed = qualificationRequirementsSchema.safeParse(tender.qualificationRequirements);
  return {
    // Only a tender whose set-up listed its parts (issue 15) is held to them: a tender announced
    // before asked for no particular part, and its rules do not change while it runs.
    requiredParts: tender.bidParts.length
      ? requiredBidParts(tender.procedure.bidParts, tender.bidParts, tender.bidSecurityAmount)
      : [],
    requirements: parsed.success && hasRequirements(parsed.data) ? parsed.data : null,
  };
}

/**
 * Refuses a bid whose files lack a part the tender requires (the bid security document
 * included, when a bid security is asked: Perpres 16/2018 Pasal 30 jo. 12/2021). Nothing is
 * written before this check.
 */
export function assertRequiredParts(required: readonly BidPart[], uploaded: readonly string[]): void {
  const missing = required.filter((part) => !uploaded.includes(part));
  if (missing.length)
    throw new AppError("VALIDATION", "bidPartMissing", { parts: missing.join(", ") }, { files: ["bidPartMissing"] });
}

/**
 * The qualification form of a bid on a tender with structured requirements: built from the
 * vendor's verified profile at this instant (buildQualificationForm refuses another vendor's
 * entry) and sealed to the opening key like the price, then proven to open before anything
 * is stored. A tender without structured requirements asks for none: anything sent is ignored.
 */
export async function sealBidQualification(
  tx: Tx,
  vendorId: string,
  requirements: Awaited<ReturnType<typeof loadBidContentRules>>["requirements"],
  choices: QualificationChoices | undefined,
  openingPublicKey: Uint8Array,
): Promise<{ sealedQualification: Uint8Array<ArrayBuffer>; qualificationCommitment: string } | null> {
  if (!requirements) return null;
  if (!choices)
    throw new AppError("VALIDATION", "qualificationFormRequired", {}, { qualification: ["qualificationFormRequired"] });
  const form = await buildQualificationForm(tx, vendorId, choices, requirements);
  const sealed = sealQualification(openingPublicKey, form);
  const proven = provesQualificationSealed(
    sealed.ephemeralPrivateKey,
    openingPublicKey,
    sealed.sealedQualification,
    form,
    sealed.qualificationCommitment,
  );
  sealed.ephemeralPrivateKey.fill(0);
  if (!proven) throw new Error("sealed qualification does not open");
  return {
    sealedQualification: toBytes(sealed.sealedQualification),
    qualificationCommitment: sealed.qualificationCommitment,
  };
}
