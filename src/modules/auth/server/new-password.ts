import "server-only";
import { AppError } from "@/server/errors";
import { passwordProblem, type PasswordContext } from "../domain/password-policy";
import { PASSWORD_POLICY } from "../domain/password-rules";
import { hashPassword } from "./password";

/**
 * Refuses a new password that breaks the policy (domain/password-policy.ts) with a
 * VALIDATION error on `field`, before anything is hashed or written. Every place that sets
 * a password asks this: the invitation, the change, the reset, vendor registration, the CLI.
 */
export function assertNewPassword(password: string, context: PasswordContext, field = "password"): void {
  const problem = passwordProblem(password, context);
  if (problem === null) return;
  const values = { min: PASSWORD_POLICY.minLength, max: PASSWORD_POLICY.maxLength };
  throw new AppError("VALIDATION", problem, values, { [field]: [problem] });
}

/** The policy checked, then the argon2id hash to store. */
export async function hashNewPassword(password: string, context: PasswordContext, field = "password"): Promise<string> {
  assertNewPassword(password, context, field);
  return hashPassword(password);
}
