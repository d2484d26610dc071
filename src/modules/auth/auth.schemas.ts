import { z } from "zod";
import { isSafeText } from "@/lib/safe-text";

// Sign-in comes through next-auth, not the action wrapper, so it refuses unstorable text itself.
export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254).refine(isSafeText),
  // a cap keeps an attacker from making argon2 hash megabytes
  password: z.string().min(1).max(1024).refine(isSafeText),
});

export const disableUserSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
});

export const enableUserSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().max(500).optional(),
});

export type DisableUserInput = z.infer<typeof disableUserSchema>;
export type EnableUserInput = z.infer<typeof enableUserSchema>;
