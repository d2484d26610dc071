import "server-only";
import type { TenderStatus, VendorStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { assertRole } from "./scope";

export interface AdminLpseOverview {
  agencies: number;
  users: number;
  disabledUsers: number;
  vendorsByStatus: Partial<Record<VendorStatus, number>>;
  tendersByStatus: Partial<Record<TenderStatus, number>>;
}

/** Instance-wide counts: what the LPSE admin keeps an eye on. Counts only, no personal data. */
export async function getAdminLpseOverview(actor: Actor): Promise<AdminLpseOverview> {
  assertRole(actor, "ADMIN_LPSE");
  const [agencies, users, disabledUsers, vendors, tenders] = await Promise.all([
    db.agency.count(),
    db.user.count(),
    db.user.count({ where: { isDisabled: true } }),
    db.vendor.groupBy({ by: ["status"], _count: { _all: true } }),
    db.tender.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    agencies,
    users,
    disabledUsers,
    vendorsByStatus: Object.fromEntries(vendors.map((v) => [v.status, v._count._all])),
    tendersByStatus: Object.fromEntries(tenders.map((t) => [t.status, t._count._all])),
  };
}
