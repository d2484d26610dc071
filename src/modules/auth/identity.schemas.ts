import { z } from "zod";

/** An admin links a central-sign-in identity (its sub) to a Segel account, named by e-mail. */
export const linkIdentitySchema = z.object({
  email: z.string().trim().min(1).max(254),
  // OIDC Core 1.0, section 2: at most 255 ASCII characters (printable, no spaces: as stored)
  subject: z
    .string()
    .trim()
    .regex(/^[\x21-\x7E]{1,255}$/, "identitySubjectInvalid"),
});

export const unlinkIdentitySchema = z.object({ identityId: z.uuid() });

export type LinkIdentityFormInput = z.infer<typeof linkIdentitySchema>;
