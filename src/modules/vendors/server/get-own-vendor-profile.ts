import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChecklistRow } from "../domain/checklist";
import { ownVendorId } from "./own-vendor";
import { loadChecklist } from "./vendor-checklist";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile";

/** The signed-in PENYEDIA user's own company, whole, with its verification checklist. */
export async function getOwnVendorProfile(actor: Actor): Promise<VendorProfile & { checklist: ChecklistRow[] }> {
  const profile = await loadVendorProfile(db, ownVendorId(actor));
  if (!profile) throw new AppError("NOT_FOUND");
  return { ...profile, checklist: await loadChecklist(db, profile.id, await dbNow()) };
}
