import { z } from "zod";
import { rupiah } from "@/lib/rupiah-schema";
import { REQUIREMENT_LIMITS as L } from "./limits";
import { normaliseWords } from "./permits";
import type { QualificationRequirements } from "./shapes";

/**
 * The zod schema of a tender's structured qualification requirements (shapes.ts), the one
 * check of that JSON wherever it comes from: the Pokja's set-up form, a use case called
 * from code, an imported tender. Strict objects (no unknown keys, so no nesting beyond the
 * shape), bounded lists and numbers (limits.ts, configuration), trimmed and length-limited
 * text, KBLI as 5 digits (KBLI 2020, Peraturan BPS 2/2020), rupiah through the one money
 * reader, stored back as digits. Messages are keys of errors.json.
 */
const text = (message: string) => z.string(message).trim().min(1, message).max(L.textMax, "requirementTextTooLong");
const count = z.coerce
  .number("requirementCountInvalid")
  .int("requirementCountInvalid")
  .min(L.minCount, "requirementCountInvalid")
  .max(L.maxCount, "requirementCountInvalid");
const years = z.coerce
  .number("requirementYearsInvalid")
  .int("requirementYearsInvalid")
  .min(L.minYears, "requirementYearsInvalid")
  .max(L.maxYears, "requirementYearsInvalid");
const digits = rupiah.transform((v) => v.toString());
const kbli = z
  .string("kbliInvalid")
  .regex(/^\d{5}$/, "kbliInvalid")
  .refine((c) => !c.startsWith("00"), "kbliInvalid");

export const permitRequirementSchema = z.strictObject({
  kind: text("requirementPermitKind"),
  kbli: z
    .array(kbli, "kbliInvalid")
    .max(L.kbliPerPermit, "requirementKbliTooMany")
    .refine((codes) => new Set(codes).size === codes.length, "requirementKbliTwice"),
});

// Each kind of row on its own: the set-up form checks its rows with these, where they stand.
export const experienceRequirementSchema = z.strictObject({ minCount: count, minValue: digits, withinYears: years });
export const staffRequirementSchema = z.strictObject({
  position: text("requirementPosition"),
  minCount: count,
  minYears: years,
  education: z
    .string("requirementsInvalid")
    .trim()
    .max(L.textMax, "requirementTextTooLong")
    .nullable()
    .transform((v) => v || null),
});
export const equipmentRequirementSchema = z.strictObject({ name: text("requirementEquipmentName"), minCount: count });
export const financialRequirementSchema = z.strictObject({
  minNetWorth: digits.nullable(),
  taxReturn: z.boolean("requirementsInvalid"),
});

export const qualificationRequirementsSchema = z.strictObject(
  {
    version: z.literal(1, "requirementsInvalid"),
    permits: z
      .array(permitRequirementSchema)
      .max(L.permits, "requirementPermitsTooMany")
      .refine((ps) => new Set(ps.map((p) => normaliseWords(p.kind))).size === ps.length, "requirementPermitTwice"),
    experience: z.strictObject({ minCount: count, minValue: digits, withinYears: years }).nullable(),
    staff: z
      .array(
        z.strictObject({
          position: text("requirementPosition"),
          minCount: count,
          minYears: years,
          education: z
            .string("requirementsInvalid")
            .trim()
            .max(L.textMax, "requirementTextTooLong")
            .nullable()
            .transform((v) => v || null),
        }),
      )
      .max(L.staff, "requirementStaffTooMany"),
    equipment: z
      .array(z.strictObject({ name: text("requirementEquipmentName"), minCount: count }))
      .max(L.equipment, "requirementEquipmentTooMany"),
    financial: z
      .strictObject({ minNetWorth: digits.nullable(), taxReturn: z.boolean("requirementsInvalid") })
      .nullable(),
  },
  { error: "requirementsInvalid" },
) satisfies z.ZodType<QualificationRequirements, unknown>;
