// The second factor as a person with an authenticator app gives it (RFC 6238: HMAC-SHA1,
// 6 digits, 30-second steps), for the journey's staff, whom a new instance requires to
// enrol TOTP (decision 0034).
import { createHmac } from "node:crypto";
import { expect, type Page } from "@playwright/test";

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of text.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

/** The code an authenticator app shows for `secret` (Base32) now. */
export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/**
 * When sign-in lands on the enrolment page (/akun/dua-faktor), enrols: reads the secret
 * shown beside the QR code for typing by hand, gives the current code, and goes on past
 * the recovery codes. Returns the secret (null when no enrolment was asked).
 */
export async function enrolTotpIfAsked(page: Page): Promise<string | null> {
  if (!new URL(page.url()).pathname.startsWith("/akun/dua-faktor")) return null;
  const secretText = await page.getByTestId("totp-secret").textContent();
  const secret = secretText!.replace(/\s/g, "");
  await page.getByLabel(/kode/i).first().fill(totpCode(secret));
  await page.getByRole("button", { name: /aktifkan|simpan|konfirmasi|verifikasi/i }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  return secret;
}
