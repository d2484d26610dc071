import { z } from "zod";
import { BidPart } from "@/generated/prisma/enums";
import { positiveRupiah } from "@/lib/rupiah-schema";

export const submitBidSchema = z.object({
  tenderId: z.uuid(),
  price: positiveRupiah,
  // No secret from the browser: each staged file's proof is bound to its row (decision 0005).
  files: z
    .array(z.object({ id: z.uuid() }))
    .min(1, "bidFilesMissing")
    .max(40),
  idempotencyKey: z.uuid(),
});
export type SubmitBidInput = z.infer<typeof submitBidSchema>;

export const tenderRefSchema = z.object({ tenderId: z.uuid() });
export const discardFileSchema = z.object({ fileId: z.uuid() });

export const uploadQuerySchema = z.object({ tenderId: z.uuid(), part: z.enum(BidPart) });
