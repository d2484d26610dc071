import { z } from "zod";
import { BidPart } from "@/generated/prisma/enums";
import { parseRupiah } from "@/lib/money";

/** "Rp 1.250.000.000" or a bigint; a whole number of rupiah above zero. */
const rupiah = z.union([
  z.bigint(),
  z.string().transform((text, ctx) => {
    const value = parseRupiah(text);
    if (value === null) {
      ctx.addIssue({ code: "custom", message: "rupiahInvalid" });
      return z.NEVER;
    }
    return value;
  }),
]).pipe(z.bigint().positive("amountPositive"));

export const submitBidSchema = z.object({
  tenderId: z.uuid(),
  price: rupiah,
  files: z.array(z.object({ id: z.uuid(), openProof: z.base64().length(44) })).min(1, "bidFilesMissing").max(40),
  idempotencyKey: z.uuid(),
});
export type SubmitBidInput = z.infer<typeof submitBidSchema>;

export const tenderRefSchema = z.object({ tenderId: z.uuid() });
export const discardFileSchema = z.object({ fileId: z.uuid() });

export const uploadQuerySchema = z.object({ tenderId: z.uuid(), part: z.enum(BidPart) });
