import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { readLpseProfile } from "@/modules/lpse";
import { db, dbNow } from "@/server/db";
import { findBindingEntry } from "./assert-not-blacklisted";

/** The entry binding the actor's own company now, for the banner on its pages; null for anyone else. */
export async function findOwnBlacklisting(actor: Actor | null) {
  if (!actor?.vendorId) return null;
  const vendorId = actor.vendorId;
  return db.$transaction(async (tx) => {
    const entry = await findBindingEntry(tx, vendorId, await dbNow(tx));
    if (!entry) return null;
    return { ...entry, timeZone: (await readLpseProfile(tx)).timeZone };
  });
}
