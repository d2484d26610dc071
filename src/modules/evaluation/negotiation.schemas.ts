import { z } from "zod";
import { optionalRupiah } from "@/lib/rupiah-schema";
import { MINUTES_MAX_LENGTH, MINUTES_MIN_LENGTH } from "./domain/negotiation";
import { NEGOTIATION_OUTCOMES } from "./domain/negotiation-outcome";

// Messages are keys in errors.json; the action wrapper translates them.
export const recordNegotiationSchema = z
  .object({
    tenderId: z.uuid(),
    bidId: z.uuid(),
    outcome: z.enum(NEGOTIATION_OUTCOMES, { message: "consultancy.outcomeRequired" }),
    agreedPrice: optionalRupiah,
    minutes: z
      .string()
      .trim()
      .min(MINUTES_MIN_LENGTH, "consultancy.minutesTooShort")
      .max(MINUTES_MAX_LENGTH, "consultancy.minutesTooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "AGREED" && (v.agreedPrice == null || v.agreedPrice <= 0n))
      ctx.addIssue({ code: "custom", path: ["agreedPrice"], message: "consultancy.agreedPriceRequired" });
    if (v.outcome === "FAILED" && v.agreedPrice != null)
      ctx.addIssue({ code: "custom", path: ["agreedPrice"], message: "consultancy.failedHasNoPrice" });
  });

export type RecordNegotiationInput = z.infer<typeof recordNegotiationSchema>;
