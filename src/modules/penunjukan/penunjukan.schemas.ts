import { z } from "zod";
import { positiveRupiah } from "@/lib/rupiah-schema";
import { MINUTES_MAX, MINUTES_MIN } from "./domain/negotiation";

// Error texts are keys in errors.json (src/server/action.ts translates them).
export const choosePenunjukanVendorSchema = z.object({
  tenderId: z.uuid(),
  vendorId: z.uuid("plVendorRequired"),
});
export type ChoosePenunjukanVendorInput = z.input<typeof choosePenunjukanVendorSchema>;

export const recordNegotiationSchema = z.object({
  tenderId: z.uuid(),
  agreedPrice: positiveRupiah,
  minutes: z.string().trim().min(MINUTES_MIN, "plMinutesTooShort").max(MINUTES_MAX, "plMinutesTooLong"),
});
export type RecordNegotiationInput = z.input<typeof recordNegotiationSchema>;
