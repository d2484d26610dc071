import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The verification queue: PENDING vendors that sent their profile, the one waiting
 * longest first (submittedAt, which a re-submission or a legal change resets), so nobody
 * is served out of turn. A registration not sent yet is not in it.
 */
export async function findPendingVendors(actor: Actor, { take = 100 }: { take?: number } = {}) {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  const where = { status: "PENDING", submittedAt: { not: null } } as const;
  const [total, vendors] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        name: true,
        businessForm: true,
        npwp: true,
        city: true,
        province: true,
        submittedAt: true,
        _count: { select: { documents: true } },
      },
    }),
  ]);
  return { total, vendors };
}
