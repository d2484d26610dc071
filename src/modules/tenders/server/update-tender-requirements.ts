import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { hasRequirements, qualificationRequirementsSchema } from "@/modules/qualification/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkBidParts } from "../domain/bid-parts";
import type { UpdateTenderRequirementsInput } from "../tender.schemas";
import { lockPokjaTender } from "./load-pokja-tender";

/**
 * The Pokja's structured qualification requirements (permits with KBLI, experience, staff,
 * equipment, financial capacity: Perlem LKPP 12/2021 Lampiran II) and the parts a bid must
 * contain, chosen from the procedure's (issue 15). A draft only: once announced the set-up
 * is frozen, as the rest of it is. An all-empty list is stored as none: the free-text
 * `qualification` then applies, as on tenders set up before. A Tender Cepat qualifies from
 * the verified profile (its requiredKbli/requiredPermits), so it takes no structured list.
 */
export async function updateTenderRequirements(actor: Actor, input: UpdateTenderRequirementsInput) {
  // The use case may be called from code as well as the form: the shape is checked here too.
  const parsed = qualificationRequirementsSchema.safeParse(input.requirements);
  if (!parsed.success) throw new AppError("VALIDATION", "requirementsInvalid", {}, fieldErrorsOf(parsed.error.issues));
  const requirements = hasRequirements(parsed.data) ? parsed.data : null;

  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.setup", {
      id: true,
      status: true,
      method: true,
      procedure: { select: { bidParts: true } },
    });
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderSetupLocked");
    if (tender.method === "TENDER_CEPAT" && requirements)
      throw new AppError(
        "VALIDATION",
        "cepatRequirementsFromProfile",
        {},
        { requirements: ["cepatRequirementsFromProfile"] },
      );
    const partsProblem = checkBidParts(tender.procedure.bidParts, input.bidParts);
    if (partsProblem) throw new AppError("VALIDATION", partsProblem, {}, { bidParts: [partsProblem] });

    const data = { qualificationRequirements: requirements ?? Prisma.DbNull, bidParts: input.bidParts };
    await tx.tender.update({ where: { id: tender.id }, data });
    await recordAuditEvent(tx, {
      actor,
      action: "tender.requirementsUpdated",
      entityType: "Tender",
      entityId: tender.id,
      data: { qualificationRequirements: requirements, bidParts: input.bidParts },
    });
    return { id: tender.id };
  });
}

/** The schema's refusals as field errors under the form's names ("requirements.permits.0.kind"). */
function fieldErrorsOf(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[["requirements", ...issue.path.map(String)].join(".")] ??= []).push(issue.message);
  return out;
}
