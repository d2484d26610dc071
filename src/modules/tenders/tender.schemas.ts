import { z } from "zod";
import { EvaluationMethod } from "@/generated/prisma/enums";
import { optionalRupiah } from "@/lib/rupiah-schema";
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
export type ChooseTenderMethodInput = z.infer<typeof chooseTenderMethodSchema>;
export type SetTenderScheduleInput = z.infer<typeof setTenderScheduleSchema>;
export type ChangeStageScheduleInput = z.infer<typeof changeStageScheduleSchema>;
export type UpdateProcedureMinimumsInput = z.infer<typeof updateProcedureMinimumsSchema>;
