import "server-only";
import type { PaketStatus, ProcurementCategory, ProcurementMethod } from "@/generated/prisma/enums";
import { agenciesFor, can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface MyPaketRow {
  id: string;
  rupCode: string;
  name: string;
  category: ProcurementCategory;
  method: ProcurementMethod | null;
  pagu: bigint;
  hps: bigint | null;
  status: PaketStatus;
}

/** The pakets of the agencies where the actor is PPK, newest change first. */
export async function findMyPakets(actor: Actor, options: { take?: number } = {}): Promise<MyPaketRow[]> {
  if (!can(actor, "paket.create")) throw new AppError("FORBIDDEN");
  return db.paket.findMany({
    where: { agencyId: { in: agenciesFor(actor, "paket.create") } },
    orderBy: { updatedAt: "desc" },
    take: options.take ?? 100,
    select: { id: true, rupCode: true, name: true, category: true, method: true, pagu: true, hps: true, status: true },
  });
}
