import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import { toDataURL } from "qrcode";
import { TOTP_POLICY } from "../domain/totp-policy";

// The one file that talks to otplib (RFC 6238) and qrcode; everything else asks here.

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32 for the apps. */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({
    issuer,
    label: account,
    secret,
    digits: TOTP_POLICY.digits,
    period: TOTP_POLICY.periodSeconds,
  });
}

/** The QR code as a PNG data URL, drawn on the server (the CSP allows img-src data:). */
export const totpQrDataUrl = (uri: string): Promise<string> =>
  toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 224 });

/** The time step of `at` (RFC 6238's T). */
export const timeStepAt = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_POLICY.periodSeconds);

/**
 * The time step whose code `code` is, within one step either side of `at` (the database
 * clock), and later than `lastStep` (a code already accepted, or one before it, is refused:
 * no replay). Null when it is none of those.
 */
export async function matchTotpCode(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): Promise<number | null> {
  const epoch = Math.floor(at.getTime() / 1000);
  const newest = timeStepAt(at) + TOTP_POLICY.driftSteps;
  // otplib refuses an afterTimeStep beyond its window; every code in the window is then a replay.
  if (lastStep !== null && lastStep >= newest) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      digits: TOTP_POLICY.digits,
      period: TOTP_POLICY.periodSeconds,
      epochTolerance: TOTP_POLICY.driftSteps * TOTP_POLICY.periodSeconds,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // a token otplib will not read (not six digits) is simply not a valid code
    return null;
  }
}
