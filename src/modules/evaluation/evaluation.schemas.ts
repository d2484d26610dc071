import { z } from "zod";
import { parseRupiah } from "@/lib/money";
import { isWithinRupiahCeiling, optionalRupiah } from "@/lib/rupiah-schema";
import type { PriceLine } from "./domain/arithmetic-correction";
import {
  CLARIFICATION_MAX_LENGTH,
  CLARIFICATION_MIN_LENGTH,
  EVALUATION_STAGES,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
} from "./domain/evaluation-rules";
import {
  INVITATION_KINDS,
  NOTE_MAX_LENGTH,
  NOTE_MIN_LENGTH,
  PLACE_MAX_LENGTH,
  PLACE_MIN_LENGTH,
} from "./domain/invitation";
import { parseScore } from "./domain/scoring";

// Messages are keys in errors.json; the action wrapper translates them.
const reason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, "evaluationReasonTooShort")
  .max(REASON_MAX_LENGTH, "evaluationReasonTooLong");
const decision = z.enum(["true", "false"], { message: "decisionRequired" }).transform((v) => v === "true");

const optionalScore = z
  .string()
  .trim()
  .default("")
  .transform((s, ctx) => {
    if (s === "") return null;
    const units = parseScore(s);
    if (units === null) ctx.addIssue({ code: "custom", message: "scoreInvalid" });
    return units;
  });

/** One line per item: "volume; harga satuan; jumlah tertulis", e.g. "10; 1.500.000; 15.000.000". */
export function parseBreakdown(text: string): PriceLine[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const parsed: PriceLine[] = [];
  for (const line of lines) {
    const parts = line.split(";").map((p) => parseRupiah(p));
    if (parts.length !== 3 || parts.some((p) => p === null || !isWithinRupiahCeiling(p))) return null;
    const [quantity, unitPrice, statedTotal] = parts as bigint[];
    parsed.push({ quantity: quantity!, unitPrice: unitPrice!, statedTotal: statedTotal! });
  }
  return parsed;
}

const breakdown = z
  .string()
  .max(20_000)
  .default("")
  .transform((s, ctx) => {
    if (s.trim() === "") return null;
    const lines = parseBreakdown(s);
    if (!lines || lines.length === 0) ctx.addIssue({ code: "custom", message: "breakdownInvalid" });
    return lines;
  });

/** The decision the form showed: its decidedAt, or "" when the form showed none. */
const seenDecidedAt = z.union([z.literal(""), z.iso.datetime()]).transform((v) => (v === "" ? null : new Date(v)));

export const recordEvaluationSchema = z
  .object({
    tenderId: z.uuid(),
    bidId: z.uuid(),
    stage: z.enum(EVALUATION_STAGES),
    seenDecidedAt,
    passed: decision,
    reason,
    technicalScore: optionalScore,
    correctedPrice: optionalRupiah,
    lifeCycleCost: optionalRupiah,
    breakdown,
  })
  .transform(({ technicalScore, ...rest }) => ({ ...rest, technicalScoreUnits: technicalScore }));

export const recordClarificationSchema = z.object({
  tenderId: z.uuid(),
  bidId: z.uuid(),
  clarification: z
    .string()
    .trim()
    .min(CLARIFICATION_MIN_LENGTH, "clarificationTooShort")
    .max(CLARIFICATION_MAX_LENGTH, "clarificationTooLong"),
});

export const recordPembuktianSchema = z.object({ tenderId: z.uuid(), bidId: z.uuid(), passed: decision, reason });

export const tenderOnlySchema = z.object({ tenderId: z.uuid() });

/** A form sends one checked bidder as a string and several as an array. */
const bidIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid()).min(1, "invitationNoBidder").max(200),
);

export const sendInvitationSchema = z.object({
  tenderId: z.uuid(),
  kind: z.enum(INVITATION_KINDS, { message: "invitationKindRequired" }),
  bidIds,
  // the browser turns the agency-time input into an instant with its offset
  at: z.iso.datetime({ offset: true, message: "invitationAtInvalid" }).transform((s) => new Date(s)),
  place: z
    .string()
    .trim()
    .min(PLACE_MIN_LENGTH, "invitationPlaceRequired")
    .max(PLACE_MAX_LENGTH, "invitationPlaceTooLong"),
  note: z.string().trim().min(NOTE_MIN_LENGTH, "invitationNoteRequired").max(NOTE_MAX_LENGTH, "invitationNoteTooLong"),
});

/** Optional fields may be left out when a use case is called directly (tests, other modules). */
type Optional = "technicalScoreUnits" | "correctedPrice" | "lifeCycleCost" | "breakdown" | "seenDecidedAt";
export type RecordEvaluationInput = Omit<z.infer<typeof recordEvaluationSchema>, Optional> &
  Partial<Pick<z.infer<typeof recordEvaluationSchema>, Optional>>;
export type RecordClarificationInput = z.infer<typeof recordClarificationSchema>;
export type RecordPembuktianInput = z.infer<typeof recordPembuktianSchema>;
export type SendInvitationInput = z.infer<typeof sendInvitationSchema>;
