import { z } from "zod";
import { EvaluationMethod } from "@/generated/prisma/enums";
import { optionalRupiah } from "@/lib/rupiah-schema";
import { BID_PARTS } from "@/modules/bids/domain";
import {
  equipmentRequirementSchema,
  experienceRequirementSchema,
  financialRequirementSchema,
  permitRequirementSchema,
  qualificationRequirementsSchema,
  staffRequirementSchema,
} from "@/modules/qualification/domain";
import { parseKbliList } from "@/modules/vendors/domain";
import { MAX_REQUIRED_KBLI, MAX_REQUIRED_PERMITS, parsePermitKinds } from "./domain/qualification-requirements";
import { MIN_CHANGE_REASON } from "./domain/stage-change";

// Messages are keys: the action wrapper looks them up in errors.json, the forms in
// tender.problem (see components/problem-text.ts).
const instant = z.iso.datetime({ offset: true, message: "invalidDateTime" }).transform((s) => new Date(s));
const weight = z
  .union([z.literal("").transform(() => null), z.coerce.number().int().min(0).max(100)])
  .nullable()
  .default(null);

export const updateTenderSetupSchema = z.object({
  tenderId: z.uuid(),
  qualification: z.string().trim().max(10_000),
  evaluationMethod: z
    .union([z.literal("").transform(() => null), z.enum(EvaluationMethod)])
    .nullable()
    .default(null),
  technicalWeight: weight,
  priceWeight: weight,
  // seleksi: the technical passing grade, whole points 0..100; empty: the procedure's default
  technicalPassingGrade: z
    .union([z.literal("").transform(() => null), z.coerce.number().int().min(0).max(100)])
    .nullable()
    .optional(),
  // Typed in rupiah ("200.000.000"); empty means none.
  bidSecurityAmount: optionalRupiah,
  // The checkable requirements (Tender Cepat reads them from the verified profile); absent
  // keeps what is stored. KBLI codes as the vendor profile takes them; permit kinds a line each.
  requiredKbli: z
    .string()
    .max(2000)
    .transform((v, ctx) => {
      const parsed = parseKbliList(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: "kbliInvalid" });
      else if (parsed.value.length > MAX_REQUIRED_KBLI)
        ctx.addIssue({ code: "custom", message: "requiredKbliTooMany" });
      return parsed.ok ? parsed.value : [];
    })
    .optional(),
  requiredPermits: z
    .string()
    .max(2000)
    .transform((v) => parsePermitKinds(v))
    .pipe(
      z
        .array(z.string().max(100, { message: "permitKindTooLong" }))
        .max(MAX_REQUIRED_PERMITS, { message: "requiredPermitsTooMany" }),
    )
    .optional(),
});

// The structured qualification requirements as the set-up form sends them: rows of text
// named by where they stand ("requirements.permits.0.kind"), so a refusal lands beside its
// input. A row left wholly empty is no row; each row is checked where it stands, then the
// whole list (its bounds, repeats) by the one schema of the shape (qualification/domain).
type Row = Record<string, unknown>;
const isRow = (row: unknown): row is Row => typeof row === "object" && row !== null && !Array.isArray(row);
const isBlank = (row: unknown) =>
  row === undefined ||
  row === null ||
  (isRow(row) && Object.values(row).every((v) => v === undefined || v === false || v === ""));
const optionalRow = <T extends z.ZodType>(schema: T) =>
  z.preprocess((row) => (isBlank(row) ? null : row), schema.nullable()).default(null);
/** Rows sent at most: generous over every list's own bound, which the shape's schema checks after. */
const MAX_FORM_ROWS = 50;
const rows = <T extends z.ZodType>(schema: T) =>
  z
    .array(
      z.preprocess((row) => (isBlank(row) ? null : row), schema.nullable()),
      "requirementsInvalid",
    )
    .max(MAX_FORM_ROWS, "requirementRowsTooMany")
    .default([])
    .transform((list) => list.filter((row): row is z.output<T> => row !== null));
/** KBLI typed as the vendor profile takes them ("41011, 42101"); text that is not codes is left for the schema to refuse. */
const kbliFromText = (row: unknown) => {
  if (!isRow(row) || typeof row.kbli !== "string") return row;
  const parsed = parseKbliList(row.kbli);
  return { ...row, kbli: parsed.ok ? parsed.value : row.kbli };
};
const financialFromForm = (row: unknown) =>
  isRow(row)
    ? {
        minNetWorth: typeof row.minNetWorth === "string" ? row.minNetWorth.trim() || null : row.minNetWorth,
        taxReturn: row.taxReturn === "on" || row.taxReturn === true,
      }
    : row;

const requirementsFromForm = z
  .object(
    {
      permits: rows(z.preprocess(kbliFromText, permitRequirementSchema)),
      experience: optionalRow(experienceRequirementSchema),
      staff: rows(staffRequirementSchema),
      equipment: rows(equipmentRequirementSchema),
      financial: optionalRow(z.preprocess(financialFromForm, financialRequirementSchema)),
    },
    "requirementsInvalid",
  )
  // a form that sends no rows (a Tender Cepat's) asks nothing
  .prefault({})
  // the whole list by the shape's own schema; its refusals (too many rows, a kind twice) name the list
  .transform((r, ctx) => {
    const parsed = qualificationRequirementsSchema.safeParse({ version: 1, ...r });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });

export const updateTenderRequirementsSchema = z.object({
  tenderId: z.uuid(),
  requirements: requirementsFromForm,
  // the parts chosen (checkboxes): none chosen leaves the procedure's list in force
  bidParts: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(z.enum(BID_PARTS, "bidPartInvalid"), "bidPartInvalid").max(BID_PARTS.length, "bidPartInvalid").default([]),
  ),
});

export const chooseTenderMethodSchema = z.object({
  tenderId: z.uuid(),
  method: z.enum(["TENDER", "TENDER_CEPAT"], { message: "tenderMethodNotAllowed" }),
});

export const setTenderScheduleSchema = z.object({
  tenderId: z.uuid(),
  stages: z
    .array(z.object({ startsAt: instant, endsAt: instant }))
    .min(1)
    .max(40),
});

export const publishTenderSchema = z.object({ tenderId: z.uuid() });

export const changeStageScheduleSchema = z.object({
  tenderId: z.uuid(),
  stageId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  reason: z.string().trim().min(MIN_CHANGE_REASON, { message: "changeReasonTooShort" }).max(1000),
});

// Hours, up to a year; an empty field is not 0 (that would drop a minimum unnoticed), and
// a basis is required so nobody sets a minimum without saying why.
const minHours = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, { message: "fieldRequired" }).transform(Number)])
  .pipe(z.number().int().min(0).max(8760));
const basis = z.string().trim().min(1, { message: "fieldRequired" }).max(500);

export const updateProcedureMinimumsSchema = z.object({
  procedureId: z.uuid(),
  stages: z.array(z.object({ minHours, basis })).min(1).max(40),
  addendumMinHours: minHours,
  addendumMinBasis: basis,
});

export type UpdateTenderSetupInput = z.infer<typeof updateTenderSetupSchema>;
export type UpdateTenderRequirementsInput = z.infer<typeof updateTenderRequirementsSchema>;
export type ChooseTenderMethodInput = z.infer<typeof chooseTenderMethodSchema>;
export type SetTenderScheduleInput = z.infer<typeof setTenderScheduleSchema>;
export type ChangeStageScheduleInput = z.infer<typeof changeStageScheduleSchema>;
export type UpdateProcedureMinimumsInput = z.infer<typeof updateProcedureMinimumsSchema>;
