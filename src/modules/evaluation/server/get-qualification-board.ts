import "server-only";
import type { Actor } from "@/modules/auth/domain";
import {
  assessQualification,
  hasRequirements,
  qualificationRequirementsSchema,
  type AssessedRequirement,
  type QualificationForm,
} from "@/modules/qualification/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { BIDS_UNDER_EVALUATION } from "./evaluation-context";

const QUALIFICATION_DEFECTS = [
  "QUALIFICATION_UNOPENABLE",
  "QUALIFICATION_MALFORMED",
  "QUALIFICATION_COMMITMENT_MISMATCH",
] as const;

export interface QualificationRow {
  bidId: string;
  vendorName: string;
  /** null: no form was opened (none sealed, or the opening recorded a defect instead) */
  assessed: AssessedRequirement[] | null;
  /** the opening's defects of the sealed form (QUALIFICATION_*) */
  defects: string[];
}

/**
 * The KUALIFIKASI stage beside the requirements (issue 15): for each opened bid, every
 * structured requirement with the vendor's answer and evidence, as read at the opening, and
 * the system's reading met/unmet (assessQualification, judged at the bid deadline). The
 * assessment helps; the Pokja decides each bid in the stage matrix as before (Perlem LKPP
 * 12/2021 Lampiran II: evaluasi kualifikasi is the Pokja's). Only the tender's Pokja; nothing
 * before the opening, when the forms are still sealed bytes.
 */
export async function getQualificationBoard(actor: Actor, tenderId: string): Promise<QualificationRow[] | null> {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      openedAt: true,
      bidDeadline: true,
      qualificationRequirements: true,
      paket: { select: { agency: { select: { timeZone: true } } } },
      bids: {
        where: BIDS_UNDER_EVALUATION,
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          openedQualification: true,
          vendor: { select: { name: true } },
          defects: { where: { code: { in: [...QUALIFICATION_DEFECTS] } }, select: { code: true } },
        },
      },
    },
  });
  const requirements = qualificationRequirementsSchema.safeParse(tender.qualificationRequirements);
  if (!tender.openedAt || !requirements.success || !hasRequirements(requirements.data)) return null;
  const at = tender.bidDeadline ?? tender.openedAt;
  const assessed = (form: QualificationForm | null) => {
    if (!form) return null;
    try {
      return assessQualification(requirements.data, form, at, tender.paket.agency.timeZone);
    } catch {
      // a form the opening stored is what the vendor sealed; one this code cannot read is shown as none
      return null;
    }
  };
  return tender.bids.map((bid) => ({
    bidId: bid.id,
    vendorName: bid.vendor.name,
    assessed: assessed(bid.openedQualification as unknown as QualificationForm | null),
    defects: bid.defects.map((d) => d.code),
  }));
}
