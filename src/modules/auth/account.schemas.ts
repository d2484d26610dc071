import { z } from "zod";
import { ACCOUNT_TOKEN_PATTERN } from "./domain/account-token-policy";
import { PASSWORD_POLICY, passwordLength } from "./domain/password-rules";

/**
 * The account forms' fields, shared by the form and its action. The browser checks the
 * lengths; the use case checks the whole policy (domain/password-policy.ts) before hashing.
 */
export const newPasswordField = z
  .string({ message: "fieldRequired" })
  .refine((p) => passwordLength(p) >= PASSWORD_POLICY.minLength, { message: "passwordTooShort" })
  .refine((p) => passwordLength(p) <= PASSWORD_POLICY.maxLength, { message: "passwordTooLong" });

/** A typed current password: capped so nobody makes argon2 hash megabytes. */
const currentPasswordField = z
  .string({ message: "fieldRequired" })
  .min(1, { message: "fieldRequired" })
  .max(1024, { message: "passwordTooLong" });

const emailField = z
  .string({ message: "fieldRequired" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "emailInvalid" }).max(254, { message: "fieldTooLong" }))
  // RFC 5321, 4.5.3.1.1: a local part has at most 64 octets; no mail server takes a longer one
  .refine((v) => new TextEncoder().encode(v.split("@")[0] ?? "").length <= 64, { message: "emailInvalid" });

/** Any string may arrive in a URL; a wrong one is "invalid link", never a 500. */
const tokenField = z.string().max(200).regex(ACCOUNT_TOKEN_PATTERN, { message: "accountTokenInvalid" });

const sameTwice = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const mismatch = { message: "passwordMismatch", path: ["passwordConfirm"] };

export const acceptInvitationSchema = z
  .object({ token: tokenField, password: newPasswordField, passwordConfirm: z.string().max(1024) })
  .refine(sameTwice, mismatch);

export const resetPasswordSchema = acceptInvitationSchema;

export const changePasswordSchema = z
  .object({ currentPassword: currentPasswordField, password: newPasswordField, passwordConfirm: z.string().max(1024) })
  .refine(sameTwice, mismatch);

export const requestPasswordResetSchema = z.object({ email: emailField });

/** A person an admin adds; createInvitedUser validates its input with this too. */
export const invitedUserSchema = z.object({
  email: emailField,
  name: z.string().trim().min(1, { message: "fieldRequired" }).max(200, { message: "fieldTooLong" }),
  nip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, { message: "nipInvalid" })
    .nullish(),
  phone: z.string().trim().max(30, { message: "fieldTooLong" }).nullish(),
  locale: z.enum(["id", "en"]).nullish(),
});

export const resendInvitationSchema = z.object({ userId: z.uuid() });

export type InvitedUserInput = z.input<typeof invitedUserSchema>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetSchema>;
