import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { ownVendorId } from "./own-vendor";

/** The users of the actor's own company. */
export async function findVendorUsers(actor: Actor) {
  const vendorId = ownVendorId(actor);
  return db.user.findMany({
    where: { vendorId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, isDisabled: true, createdAt: true, lastLoginAt: true },
  });
}
