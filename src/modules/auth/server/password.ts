import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet):
 * m = 19 MiB, t = 2, p = 1. Measured here at about 17 ms a verify.
 */
// Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
export const ARGON2_OPTIONS: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string): Promise<string> => hash(plain, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    // a malformed stored hash is a failed sign-in, not a crash
    return false;
  }
}

// A hash to verify against when the e-mail is unknown, so the reply takes as long as for
// a real account and does not reveal which e-mails are registered.
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = () => (dummyHash ??= hashPassword("segel-timing-dummy"));
