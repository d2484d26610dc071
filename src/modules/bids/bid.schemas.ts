import { z } from "zod";
import { BidPart } from "@/generated/prisma/enums";
import { positiveRupiah } from "@/lib/rupiah-schema";
import { qualificationChoicesSchema } from "@/modules/qualification";
import { MIN_PASSPHRASE_LENGTH } from "./domain/personal-key";

export const submitBidSchema = z.object({
  tenderId: z.uuid(),
  price: positiveRupiah,
  // No secret from the browser: each staged file's proof is bound to its row (decision 0005).
  files: z
    .array(z.object({ id: z.uuid() }))
    .min(1, "bidFilesMissing")
    .max(40),
  idempotencyKey: z.uuid(),
  // the pakta integritas is part of every bid (Perpres 16/2018 Pasal 7, etika pengadaan);
  // the server stamps when it was accepted
  integrityPact: z.literal(true, "integrityPactRequired"),
  // on a tender with structured qualification requirements: the entries chosen from the profile
  qualification: qualificationChoicesSchema.optional(),
});
export type SubmitBidInput = z.infer<typeof submitBidSchema>;

export const tenderRefSchema = z.object({ tenderId: z.uuid() });
export const discardFileSchema = z.object({ fileId: z.uuid() });

export const uploadQuerySchema = z.object({ tenderId: z.uuid(), part: z.enum(BidPart) });

// Message values are keys in errors.json; the action wrapper translates them.
export const openingKeySchema = z
  .object({
    passphrase: z.string().min(MIN_PASSPHRASE_LENGTH, "passphraseTooShort").max(256, "passphraseTooLong"),
    confirmation: z.string(),
    oldPassphrase: z
      .string()
      .max(256)
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.passphrase === v.confirmation, { path: ["confirmation"], message: "passphraseMismatch" });
export type OpeningKeyInput = z.infer<typeof openingKeySchema>;

export const approveOpeningSchema = z.object({
  tenderId: z.uuid(),
  passphrase: z.string().min(1, "openingPassphraseRequiredToApprove").max(256, "passphraseTooLong"),
});
export type ApproveOpeningInput = z.infer<typeof approveOpeningSchema>;
