import "server-only";
import { can, type Actor } from "@/modules/auth/domain/permissions";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any vendor's whole profile, for a Verifikator deciding on it. */
export async function getVendorForVerification(actor: Actor, vendorId: string): Promise<VendorProfile> {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  const profile = UUID.test(vendorId) ? await loadVendorProfile(db, vendorId) : null;
  if (!profile) throw new AppError("NOT_FOUND");
  return profile;
}
