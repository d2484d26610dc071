import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownVendorId } from "./own-vendor";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile";

/** The signed-in PENYEDIA user's own company, whole. */
export async function getOwnVendorProfile(actor: Actor): Promise<VendorProfile> {
  const profile = await loadVendorProfile(db, ownVendorId(actor));
  if (!profile) throw new AppError("NOT_FOUND");
  return profile;
}
