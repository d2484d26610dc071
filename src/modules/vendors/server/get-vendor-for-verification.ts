import "server-only";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile";

/** Any vendor's whole profile, for a Verifikator deciding on it. */
export async function getVendorForVerification(actor: Actor, vendorId: string): Promise<VendorProfile> {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  const profile = isUuid(vendorId) ? await loadVendorProfile(db, vendorId) : null;
  if (!profile) throw new AppError("NOT_FOUND");
  return profile;
}
