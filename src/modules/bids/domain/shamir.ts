import { combine, split } from "shamir-secret-sharing";
import { pokjaMajority } from "@/modules/organisation/domain";

/**
 * Shamir k-of-n over GF(256), from Privy's audited `shamir-secret-sharing` (pinned). A
 * share is the secret's length plus one byte: its x coordinate, which is the share index.
 */

/** A majority of the Pokja must agree to open: 2 of 3, 3 of 5, 4 of 7. */
export function openingThreshold(memberCount: number): number {
  return pokjaMajority(memberCount);
}

export async function splitSecret(secret: Uint8Array, shares: number, threshold: number): Promise<Buffer[]> {
  // The library refuses k < 2 too; a one-person opening would defeat the point.
  if (threshold < 2 || threshold > shares) throw new Error(`invalid threshold ${threshold} of ${shares}`);
  // Plain Uint8Array copies: the library checks instanceof, which a Buffer from another realm fails.
  return (await split(Uint8Array.from(secret), shares, threshold)).map((s) => Buffer.from(s));
}

/**
 * Recombines shares. With fewer than the threshold the result is a different, useless
 * value rather than an error: callers check it against the known public key.
 */
export async function combineShares(shares: Uint8Array[]): Promise<Buffer> {
  return Buffer.from(await combine(shares.map((s) => Uint8Array.from(s))));
}

export const shareIndexOf = (share: Uint8Array): number => share[share.length - 1]!;
