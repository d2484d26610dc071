import { z } from "zod";
import { optionalRupiah } from "@/lib/rupiah-schema";

/**
 * What a vendor chooses from its verified profile to answer a tender's qualification
 * requirements (issue 15): the ids of its own permits, experiences and people, and the
 * equipment and financial figures it types. The server copies the entries themselves
 * (buildQualificationForm), so nothing here is trusted beyond the ids and the typed answers.
 * Caps are configuration, not law: far above any real form, they keep an absurd request small.
 */
export const QUALIFICATION_LIMITS = { entries: 50, staff: 100, equipmentCount: 100_000, text: 200 } as const;

/** How a piece of equipment is held (Perlem LKPP 12/2021 Lampiran II: milik sendiri, sewa or sewa beli). */
export const EQUIPMENT_OWNERSHIP = ["MILIK_SENDIRI", "SEWA", "SEWA_BELI"] as const;

const requirementIndex = z
  .int("qualificationChoiceInvalid")
  .min(0)
  .max(QUALIFICATION_LIMITS.entries - 1);
const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

export const qualificationChoicesSchema = z.preprocess(
  // A form sends the choices as one JSON field (qualification-form-fields.tsx); code sends the object.
  (raw) => {
    if (typeof raw !== "string") return raw;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  },
  z.object(
    {
      permitIds: z
        .array(z.uuid("qualificationChoiceInvalid"))
        .max(QUALIFICATION_LIMITS.entries)
        .refine(uniqueIds, "qualificationChoiceTwice"),
      experienceIds: z
        .array(z.uuid("qualificationChoiceInvalid"))
        .max(QUALIFICATION_LIMITS.entries)
        .refine(uniqueIds, "qualificationChoiceTwice"),
      staff: z
        .array(z.object({ vendorPersonId: z.uuid("qualificationChoiceInvalid"), forRequirement: requirementIndex }))
        .max(QUALIFICATION_LIMITS.staff)
        .refine(
          (rows) => uniqueIds(rows.map((r) => `${r.vendorPersonId}:${r.forRequirement}`)),
          "qualificationChoiceTwice",
        ),
      equipment: z
        .array(
          z.object({
            forRequirement: requirementIndex,
            name: z.string().trim().min(1, "qualificationEquipmentName").max(QUALIFICATION_LIMITS.text),
            count: z.coerce
              .number("qualificationEquipmentCount")
              .int("qualificationEquipmentCount")
              .min(1, "qualificationEquipmentCount")
              .max(QUALIFICATION_LIMITS.equipmentCount, "qualificationEquipmentCount"),
            ownership: z.enum(EQUIPMENT_OWNERSHIP, "qualificationChoiceInvalid"),
          }),
        )
        .max(QUALIFICATION_LIMITS.entries),
      financial: z
        .object({
          netWorth: optionalRupiah,
          taxReturnYear: z
            .int("qualificationTaxYear")
            .min(1990, "qualificationTaxYear")
            .max(2100, "qualificationTaxYear")
            .nullable(),
        })
        .nullable(),
    },
    { error: "qualificationChoiceInvalid" },
  ),
);
export type QualificationChoices = z.output<typeof qualificationChoicesSchema>;
/** What the form fields hold before validation (the typed net worth is text). */
export interface QualificationChoicesDraft {
  permitIds: string[];
  experienceIds: string[];
  staff: { vendorPersonId: string; forRequirement: number }[];
  equipment: { forRequirement: number; name: string; count: number; ownership: (typeof EQUIPMENT_OWNERSHIP)[number] }[];
  financial: { netWorth: string; taxReturnYear: number | null } | null;
}
