import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { handOverTargetFor, isValidPokjaSize, type HandOverTarget } from "../domain/handover-rules";

export interface HandOverOptions {
  target: HandOverTarget | null;
  pokjas: { id: string; name: string; memberCount: number; isValidSize: boolean }[];
  pejabatPengadaan: { id: string; name: string }[];
}

/** The Pokja or Pejabat Pengadaan of the paket's agency the PPK may hand the paket to. */
export async function findHandOverTargets(actor: Actor, paketId: string): Promise<HandOverOptions> {
  const paket = await db.paket.findUnique({ where: { id: paketId }, select: { agencyId: true, method: true } });
  if (!paket || !can(actor, "paket.handOver", { agencyId: paket.agencyId })) throw new AppError("NOT_FOUND");
  const target = handOverTargetFor(paket.method);
  if (target === "POKJA") {
    const pokjas = await db.pokja.findMany({
      where: { agencyId: paket.agencyId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { members: true } } },
    });
    const rows = pokjas.map((p) => ({
      id: p.id,
      name: p.name,
      memberCount: p._count.members,
      isValidSize: isValidPokjaSize(p._count.members),
    }));
    return { target, pokjas: rows, pejabatPengadaan: [] };
  }
  if (target === "PEJABAT_PENGADAAN") {
    const users = await db.user.findMany({
      where: {
        isDisabled: false,
        memberships: {
          some: { role: "PEJABAT_PENGADAAN", agencyId: paket.agencyId, ...activeMembershipWhere(await dbNow()) },
        },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return { target, pokjas: [], pejabatPengadaan: users };
  }
  return { target, pokjas: [], pejabatPengadaan: [] };
}
