import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** Verified vendors a Pejabat Pengadaan may invite, by name. */
export async function findVerifiedVendors(actor: Actor) {
  if (!can(actor, "pengadaanLangsung.run")) throw new AppError("FORBIDDEN");
  return db.vendor.findMany({
    where: { status: "VERIFIED" },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, businessForm: true, city: true },
  });
}
