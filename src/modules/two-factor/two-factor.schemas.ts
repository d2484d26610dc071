import { z } from "zod";

// A code as typed: six digits or a recovery code, with spaces or hyphens. The use case decides
// which it is (domain/totp-policy.ts); the cap keeps a megabyte from reaching it.
const code = z.string().trim().min(1, "fieldRequired").max(40, "totpCodeFormat");

export const codeSchema = z.object({ code });

export const resetTotpSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
});

export const staffTotpSettingSchema = z.object({
  // a checkbox: present ("on") or absent
  required: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.undefined()])
    .transform((v) => v === "on" || v === "true"),
});

export const noInputSchema = z.object({});

export type CodeInput = z.infer<typeof codeSchema>;
