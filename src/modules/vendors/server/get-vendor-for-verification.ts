import "server-only";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChecklistRow } from "../domain/checklist";
import { loadChecklist } from "./vendor-checklist";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile";

export interface VendorForVerification extends VendorProfile {
  checklist: ChecklistRow[];
  /** who made the standing decision and when (null while pending) */
  decision: { by: string; at: Date } | null;
}

/** Any vendor's whole profile, for a Verifikator deciding on it, with the checklist at the database time. */
export async function getVendorForVerification(actor: Actor, vendorId: string): Promise<VendorForVerification> {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  const profile = isUuid(vendorId) ? await loadVendorProfile(db, vendorId) : null;
  if (!profile) throw new AppError("NOT_FOUND");
  const [checklist, decider] = await Promise.all([
    loadChecklist(db, profile.id, await dbNow()),
    db.vendor.findUniqueOrThrow({
      where: { id: profile.id },
      select: { rejectedAt: true, verifiedBy: { select: { name: true } } },
    }),
  ]);
  const at =
    profile.status === "VERIFIED" ? profile.verifiedAt : profile.status === "REJECTED" ? decider.rejectedAt : null;
  const decision = at && decider.verifiedBy ? { by: decider.verifiedBy.name, at } : null;
  return { ...profile, checklist, decision };
}
