import { z } from "zod";
import { MIN_PASSPHRASE_LENGTH } from "./domain/personal-key";

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
