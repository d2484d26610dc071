import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { findPublicTenders, type PublicTender } from "@/modules/tenders";
import { db } from "@/server/db";
import { assertRole } from "./scope";

export interface VendorOverview {
  company: { name: string; status: VendorStatus; rejectionReason: string | null } | null;
  openTenders: PublicTender[];
}

/** The penyedia's own company and the tenders taking bids right now. */
export async function getVendorOverview(actor: Actor): Promise<VendorOverview> {
  assertRole(actor, "PENYEDIA");
  const [company, { tenders }] = await Promise.all([
    actor.vendorId
      ? db.vendor.findUnique({
          where: { id: actor.vendorId },
          select: { name: true, status: true, rejectionReason: true },
        })
      : Promise.resolve(null),
    findPublicTenders({ openForBids: true, take: 20 }),
  ]);
  return { company, openTenders: tenders };
}
