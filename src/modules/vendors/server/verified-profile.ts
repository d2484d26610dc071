import "server-only";
import type { Db, Tx } from "@/server/db";

/**
 * For other modules (Tender Cepat's qualification): the legal data of a vendor's profile
 * that the Verifikator checked. KBLI and permits send a verified profile back to PENDING
 * when they change (domain/verification.ts), so while the status is VERIFIED these are
 * the verified values.
 */
export async function findVerifiedProfiles(client: Db | Tx, vendorIds: readonly string[]) {
  const vendors = await client.vendor.findMany({
    where: { id: { in: [...vendorIds] } },
    select: { id: true, status: true, kbli: true, permits: { select: { kind: true, validUntil: true } } },
  });
  return new Map(vendors.map((v) => [v.id, { isVerified: v.status === "VERIFIED", kbli: v.kbli, permits: v.permits }]));
}
