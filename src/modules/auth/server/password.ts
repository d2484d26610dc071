import { availableParallelism } from "node:os";
import { hash, verify, type Options } from "@node-rs/argon2";
import pLimit from "p-limit";
import { AppError } from "@/server/errors";
import { SIGN_IN_POLICY } from "../domain/sign-in-policy";

/**
 * argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet):
 * m = 19 MiB, t = 2, p = 1. Measured here at about 17 ms a verify.
 */
// Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Options["algorithm"],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

// Each hash holds a core for its whole run. Without a cap a sign-in flood runs one per
// thread of the pool and the pages starve; with it the flood waits in a short queue, and
// past the queue is turned away at once. Half the cores: configuration, not law.
const HASH_SLOTS = Math.max(1, Math.floor(availableParallelism() / 2));
const HASH_CAPACITY = HASH_SLOTS * (1 + SIGN_IN_POLICY.hashQueuePerSlot);
const hashSlot = pLimit(HASH_SLOTS);

/** True when one more hash would be turned away: sign-in asks before it counts a try. */
export const isHashQueueFull = () => hashSlot.activeCount + hashSlot.pendingCount >= HASH_CAPACITY;

/** New passwords (registration, the seed) wait for a slot however long the queue is. */
export const hashPassword = (plain: string): Promise<string> => hashSlot(() => hash(plain, ARGON2_OPTIONS));

/** Sign-in's check; past the queue it is turned away at once, without hashing. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  // checked and queued in one synchronous step, so parallel callers cannot overfill it
  if (isHashQueueFull()) throw new AppError("RATE_LIMITED", "signInBusy");
  return hashSlot(async () => {
    try {
      return await verify(passwordHash, plain);
    } catch {
      // a malformed stored hash is a failed sign-in, not a crash
      return false;
    }
  });
}

// A hash to verify against when the e-mail is unknown, so the reply takes as long as for
// a real account (one verify, in the same queue) and does not reveal which e-mails are registered.
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("segel-timing-dummy");
  dummyHash.catch(() => (dummyHash = undefined));
  return dummyHash;
}
