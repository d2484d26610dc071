import { isSafeText } from "@/lib/safe-text";
import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_POLICY, passwordLength } from "./password-rules";

/*
 * The password rule, NIST SP 800-63B rev. 4 (August 2025), section 3.1.1.2:
 * - at least 15 characters where the password is the only factor; 8 is allowed behind a
 *   second factor, but vendors may sign in with a password alone, so Segel asks 15 of
 *   everyone: one rule, right in every case (decision 0033);
 * - at least 64 accepted; Segel accepts 128 and refuses longer, since every sign-in hashes
 *   what is typed with argon2 and megabytes of it would be a cheap denial of service;
 * - every printing character, spaces and Unicode included, counted as code points, and NO
 *   composition rules (no "one digit, one capital");
 * - refused when it is on a list of commonly used or breached passwords or holds words
 *   of the context (the user's name or the local part of their e-mail).
 * The list makes this file heavy: forms in the browser check only the lengths
 * (password-rules.ts); the use case asks this function before hashing.
 */

export type PasswordProblem =
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordControlCharacter"
  | "passwordCommon"
  | "passwordRepetitive"
  | "passwordHasPersonalData";

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

// control characters (NUL, line breaks, escapes) cannot be typed into a password field
// and would be stored and compared invisibly
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const fold = (text: string) => text.normalize("NFKC").toLowerCase();
const compact = (text: string) => fold(text).replace(/[\s._-]+/g, "");

/** "aaaaaaaaaaaaaaa", "abcabcabcabcabc": one short unit said again and again. */
function isRepetitive(password: string): boolean {
  const chars = [...compact(password)];
  for (let unit = 1; unit <= Math.floor(chars.length / 3); unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** A common password, alone or said twice or more ("passwordpassword"), or padded with digits. */
function isCommon(password: string): boolean {
  const text = compact(password);
  if (COMMON_PASSWORDS.has(text)) return true;
  const withoutDigits = text.replace(/\d+$/, "").replace(/^\d+/, "");
  if (withoutDigits.length > 0 && withoutDigits !== text && COMMON_PASSWORDS.has(withoutDigits)) return true;
  for (let unit = 4; unit <= text.length / 2; unit++) {
    if (text.length % unit !== 0) continue;
    const head = text.slice(0, unit);
    if (head.repeat(text.length / unit) === text && COMMON_PASSWORDS.has(head)) return true;
  }
  return false;
}

function holdsPersonalData(password: string, context: PasswordContext): boolean {
  const text = compact(password);
  const local = context.email ? compact(context.email.split("@")[0] ?? "") : "";
  const name = context.name ? compact(context.name) : "";
  // a short local part ("a@…") or name would refuse far too much by chance
  return (local.length >= 4 && text.includes(local)) || (name.length >= 4 && text.includes(name));
}

/** The first thing wrong with a new password, or null. Pure; every form's use case asks it. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = passwordLength(password);
  if (length > PASSWORD_POLICY.maxLength) return "passwordTooLong";
  if (CONTROL.test(password) || !isSafeText(password)) return "passwordControlCharacter";
  if (length < PASSWORD_POLICY.minLength) return "passwordTooShort";
  if (isRepetitive(password)) return "passwordRepetitive";
  if (isCommon(password)) return "passwordCommon";
  if (holdsPersonalData(password, context)) return "passwordHasPersonalData";
  return null;
}
