import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { assertRole } from "./scope";

export interface PendingVendor {
  id: string;
  name: string;
  businessForm: string;
  city: string;
  province: string;
  createdAt: Date;
}

/** Vendors waiting for verification (their profile sent), oldest first: first come, first served. */
export async function findVerificationQueue(actor: Actor): Promise<{ total: number; vendors: PendingVendor[] }> {
  assertRole(actor, "VERIFIKATOR");
  const where = { status: "PENDING", submittedAt: { not: null } } as const;
  const [total, vendors] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, name: true, businessForm: true, city: true, province: true, createdAt: true },
    }),
  ]);
  return { total, vendors };
}
