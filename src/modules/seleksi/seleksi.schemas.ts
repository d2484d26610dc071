import { z } from "zod";
import { qualificationChoicesSchema } from "@/modules/qualification";
import { SANGGAH_DECISIONS } from "@/modules/sanggah/domain";

// Error texts are keys in errors.json (src/server/action.ts translates them).
const REASON_MIN = 10;
const REASON_MAX = 2000;
const SANGGAH_MIN = 20;
const SANGGAH_MAX = 10_000;
const reason = z.string().trim().min(REASON_MIN, "reasonTooShort").max(REASON_MAX, "seleksi.textTooLong");
const sanggahText = z.string().trim().min(SANGGAH_MIN, "sanggahTextTooShort").max(SANGGAH_MAX, "sanggahTextTooLong");
// a form's radio sends "true"/"false"; code sends a boolean
const yesNo = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean("seleksi.pickPassed"));
// a score 0..100 with at most three decimals (PrequalificationApplication.score is Decimal(7,3))
const score = z.coerce
  .number("seleksi.scoreInvalid")
  .min(0, "seleksi.scoreInvalid")
  .max(100, "seleksi.scoreInvalid")
  .refine((n) => Number.isFinite(n) && Math.round(n * 1000) === n * 1000, "seleksi.scoreInvalid");

export const decidePrequalificationSchema = z.object({ applicationId: z.uuid(), passed: yesNo, score, reason });
/** The public reason is needed only when the result repeats or fails prakualifikasi (the use case asks). */
export const concludePrequalificationSchema = z.object({
  tenderId: z.uuid(),
  reason: z.preprocess((v) => (v === "" ? undefined : v), reason.optional()),
});
export const fileSanggahPrakualifikasiSchema = z.object({ tenderId: z.uuid(), body: sanggahText });
export const answerSanggahPrakualifikasiSchema = z.object({
  sanggahId: z.uuid(),
  verdict: z.enum(SANGGAH_DECISIONS, "sanggahPickVerdict"),
  answer: sanggahText,
});

export const CONCLUDE_REASON_MIN = REASON_MIN;
export type DecidePrequalificationInput = z.input<typeof decidePrequalificationSchema>;
export type ConcludePrequalificationInput = z.input<typeof concludePrequalificationSchema>;
export type FileSanggahPrakualifikasiInput = z.input<typeof fileSanggahPrakualifikasiSchema>;
export type AnswerSanggahPrakualifikasiInput = z.input<typeof answerSanggahPrakualifikasiSchema>;

export const applyPrequalificationSchema = z.object({ tenderId: z.uuid(), qualification: qualificationChoicesSchema });
export type ApplyPrequalificationInput = z.input<typeof applyPrequalificationSchema>;
