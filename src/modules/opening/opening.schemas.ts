import { z } from "zod";

// Message values are keys in errors.json; the action wrapper translates them.
export const approveOpeningSchema = z.object({
  tenderId: z.uuid(),
  passphrase: z.string().min(1, "openingPassphraseRequiredToApprove").max(256, "passphraseTooLong"),
});

export type ApproveOpeningInput = z.infer<typeof approveOpeningSchema>;
