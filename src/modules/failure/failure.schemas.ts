import { z } from "zod";
import { DECLARABLE_KINDS, PENUNJUKAN_DECISIONS, REASON_MAX, REASON_MIN } from "./domain/failure-rules";

// Error texts are keys in errors.json (src/server/action.ts translates them).
const reason = z.string().trim().min(REASON_MIN, "reasonTooShort").max(REASON_MAX, "reasonTooLong");

export const declareTenderFailedSchema = z.object({
  tenderId: z.uuid(),
  kind: z.enum(DECLARABLE_KINDS),
  reason,
});

export const retenderSchema = z.object({ tenderId: z.uuid() });

export const requestPenunjukanLangsungSchema = z.object({
  tenderId: z.uuid(),
  justification: reason,
  vendorId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
});

export const decidePenunjukanLangsungSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(PENUNJUKAN_DECISIONS),
  note: reason,
});

export type DeclareTenderFailedInput = z.infer<typeof declareTenderFailedSchema>;
export type RequestPenunjukanLangsungInput = z.infer<typeof requestPenunjukanLangsungSchema>;
export type DecidePenunjukanLangsungInput = z.infer<typeof decidePenunjukanLangsungSchema>;
