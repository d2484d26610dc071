import "server-only";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { QualificationForm, QualificationRequirements } from "../domain";
import type { QualificationChoices } from "../qualification.schemas";

/**
 * The vendor's qualification form, copied from its VERIFIED profile at the moment of
 * submission (issue 15; Perlem LKPP 12/2021 Lampiran II: the vendor answers the
 * qualification with the data of its SIKaP/profile). Only the entries the vendor chose are
 * copied, with their evidence documents; an id that is not one of the vendor's own entries
 * is refused, never silently dropped, so what is sealed is exactly what the vendor meant.
 * Equipment and financial answers are the vendor's own typed statements. With
 * `requirements`, each staff and equipment answer must point at a requirement that exists.
 */
export async function buildQualificationForm(
  tx: Db | Tx,
  vendorId: string,
  choices: QualificationChoices,
  requirements?: QualificationRequirements | null,
): Promise<QualificationForm> {
  const vendor = await tx.vendor.findUnique({
    where: { id: vendorId },
    select: {
      status: true,
      kbli: true,
      permits: { where: { id: { in: choices.permitIds } } },
      experiences: { where: { id: { in: choices.experienceIds } } },
      people: { where: { id: { in: choices.staff.map((s) => s.vendorPersonId) } } },
    },
  });
  if (!vendor) throw new AppError("NOT_FOUND");
  // KBLI and permits send a verified profile back to PENDING when they change
  // (vendors/domain/verification.ts): only a VERIFIED profile is what a Verifikator checked.
  if (vendor.status !== "VERIFIED") throw new AppError("INVALID_STATE", "qualificationProfileNotVerified");
  const notYours = () =>
    new AppError("VALIDATION", "qualificationEntryNotYours", {}, { qualification: ["qualificationEntryNotYours"] });
  if (vendor.permits.length !== choices.permitIds.length) throw notYours();
  if (vendor.experiences.length !== choices.experienceIds.length) throw notYours();
  const people = new Map(vendor.people.map((p) => [p.id, p]));
  if (choices.staff.some((s) => !people.has(s.vendorPersonId))) throw notYours();
  if (requirements) {
    const outOfRange = (index: number, list: unknown[]) => index >= list.length;
    if (
      choices.staff.some((s) => outOfRange(s.forRequirement, requirements.staff)) ||
      choices.equipment.some((e) => outOfRange(e.forRequirement, requirements.equipment))
    )
      throw new AppError(
        "VALIDATION",
        "qualificationChoiceInvalid",
        {},
        { qualification: ["qualificationChoiceInvalid"] },
      );
  }
  // in the order the vendor chose them, so the form reads as it was filled
  const permitById = new Map(vendor.permits.map((p) => [p.id, p]));
  const experienceById = new Map(vendor.experiences.map((e) => [e.id, e]));
  return {
    version: 1,
    permits: choices.permitIds.map((id) => {
      const p = permitById.get(id)!;
      return {
        vendorPermitId: p.id,
        kind: p.kind,
        number: p.number,
        issuedBy: p.issuedBy,
        validUntil: p.validUntil?.toISOString() ?? null,
        documentId: p.documentId,
      };
    }),
    kbli: [...vendor.kbli],
    experience: choices.experienceIds.map((id) => {
      const e = experienceById.get(id)!;
      return {
        vendorExperienceId: e.id,
        contractName: e.contractName,
        client: e.client,
        contractValue: e.contractValue.toString(),
        year: e.year,
        documentId: e.documentId,
      };
    }),
    staff: choices.staff.map((s) => {
      const p = people.get(s.vendorPersonId)!;
      return {
        vendorPersonId: p.id,
        name: p.name,
        position: p.position,
        education: p.education,
        experienceYears: p.experienceYears,
        forRequirement: s.forRequirement,
      };
    }),
    equipment: choices.equipment.map((e) => ({ ...e })),
    financial: choices.financial
      ? {
          netWorth: choices.financial.netWorth?.toString() ?? null,
          taxReturnYear: choices.financial.taxReturnYear,
        }
      : null,
  };
}
