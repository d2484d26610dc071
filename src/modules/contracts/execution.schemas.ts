import { z } from "zod";
import { positiveRupiah } from "@/lib/rupiah-schema";
import { RATING_SCALE, TEXT_LIMITS } from "./domain/execution-rules";
import { TERMINATION_GROUNDS } from "./domain/termination-grounds";

// The contract's execution (progress, BAST, payment, addendum, termination, rating). Error
// texts are keys in errors.json (src/server/action.ts translates them).

const E = "contractExecution";
/** A whole number typed in a form (blank is missing, never 0), within [min, max]. */
const wholeNumber = (key: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: key }).int(key).min(min, key).max(max, key),
  );
const terminPosition = wholeNumber(`${E}.terminRequired`, 1, 1000);
const day = z.iso.date({ error: "dateInvalid" });
const reference = z
  .string()
  .trim()
  .min(TEXT_LIMITS.reference.min, `${E}.referenceRequired`)
  .max(TEXT_LIMITS.reference.max, `${E}.referenceRequired`);
const reason = z
  .string()
  .trim()
  .min(TEXT_LIMITS.reason.min, `${E}.reasonTooShort`)
  .max(TEXT_LIMITS.reason.max, `${E}.reasonTooLong`);
const note = z
  .string()
  .trim()
  .min(TEXT_LIMITS.note.min, `${E}.noteRequired`)
  .max(TEXT_LIMITS.note.max, `${E}.noteTooLong`);

export const reportProgressSchema = z.object({
  contractId: z.uuid(),
  position: terminPosition,
  percent: wholeNumber(`${E}.progressRange`, 0, 100),
  note,
});
export type ReportProgressInput = z.input<typeof reportProgressSchema>;

export const recordBastSchema = z.object({
  contractId: z.uuid(),
  position: terminPosition,
  bastNumber: reference,
  bastOn: day,
});
export type RecordBastInput = z.input<typeof recordBastSchema>;

export const recordPaymentSchema = z.object({
  contractId: z.uuid(),
  position: terminPosition,
  amount: positiveRupiah,
  paidOn: day,
  reference,
});
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export const amendContractSchema = z.object({
  contractId: z.uuid(),
  newValue: positiveRupiah,
  newEndsOn: day,
  reason,
});
export type AmendContractInput = z.input<typeof amendContractSchema>;

export const terminateContractSchema = z.object({
  contractId: z.uuid(),
  // one of the listed grounds; a missing or unknown one is the same refusal on the field
  ground: z.enum(TERMINATION_GROUNDS, { error: `${E}.groundRequired` }),
  reason,
});
export type TerminateContractInput = z.input<typeof terminateContractSchema>;

const score = wholeNumber(`${E}.scoreRange`, RATING_SCALE.min, RATING_SCALE.max);

export const rateVendorSchema = z.object({
  contractId: z.uuid(),
  quality: score,
  cost: score,
  timeliness: score,
  service: score,
  note,
});
export type RateVendorInput = z.input<typeof rateVendorSchema>;
