/**
 * The second factor's figures. Configuration, not law: no Indonesian regulation sets them.
 * TOTP follows RFC 6238 with the parameters every authenticator app understands (SHA-1,
 * 6 digits, 30 s); the tries follow NIST SP 800-63B §5.2.2 (limit failed attempts) and the
 * sign-in throttle's shape (docs/decisions/0009).
 */
export const TOTP_POLICY = {
  periodSeconds: 30,
  digits: 6,
  /** codes of the step before and after the server's are accepted too (clock drift, typing time) */
  driftSteps: 1,
  /** the fifth wrong code in one session ends that session */
  sessionMaxFailures: 5,
  /** wrong codes over all of a user's sessions within the window before tries are refused */
  userMaxFailures: 10,
  userWindowMinutes: 15,
  recoveryCodeCount: 10,
} as const;

/** How a session's second factor was given; "enrolment" when TOTP was set up in that session. */
export const SECOND_FACTOR_METHODS = ["totp", "recovery", "enrolment"] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/**
 * Which kind of code a person typed: six digits are a TOTP code, anything that normalises to
 * a recovery code is one, the rest is neither (and is refused before anything is counted).
 */
export function classifyCode(input: string): { kind: "totp" | "recovery"; code: string } | null {
  const compact = input.replace(/[\s-]/g, "");
  if (/^\d+$/.test(compact)) return compact.length === TOTP_POLICY.digits ? { kind: "totp", code: compact } : null;
  const recovery = normaliseRecoveryCode(input);
  return recovery ? { kind: "recovery", code: recovery } : null;
}

/**
 * Recovery codes use Crockford's base32 alphabet (no I, L, O, U), 12 characters: 60 bits,
 * shown as XXXX-XXXX-XXXX. High entropy, so a keyed hash (not a slow one) keeps them safe.
 */
export const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_LENGTH = 12;

/** A typed recovery code in its one stored form: capitals, no separators, look-alikes read as Crockford says. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (compact.length !== RECOVERY_CODE_LENGTH) return null;
  for (const ch of compact) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return compact;
}

/** The code as shown to the person: XXXX-XXXX-XXXX. */
export const formatRecoveryCode = (code: string): string => code.match(/.{1,4}/g)!.join("-");

/** A recovery code from `random` bytes (one byte per character; 256 is a multiple of 32, so no bias). */
export function recoveryCodeFromBytes(random: Uint8Array): string {
  if (random.length < RECOVERY_CODE_LENGTH) throw new Error("recoveryCodeFromBytes needs 12 random bytes");
  let code = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[random[i]! % 32];
  return code;
}
