import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** One pengadaan langsung paket with its progress, for its own Pejabat Pengadaan only. */
export async function getOwnDirectPaket(actor: Actor, paketId: string) {
  if (!can(actor, "pengadaanLangsung.run")) throw new AppError("FORBIDDEN");
  const paket = /^[0-9a-f-]{36}$/i.test(paketId)
    ? await db.paket.findUnique({
        where: { id: paketId },
        select: {
          id: true,
          rupCode: true,
          name: true,
          category: true,
          method: true,
          hps: true,
          status: true,
          location: true,
          agencyId: true,
          pejabatPengadaanId: true,
          agency: { select: { name: true, timeZone: true } },
          workUnit: { select: { name: true } },
          directProcurement: {
            select: {
              id: true,
              status: true,
              invitedAt: true,
              quotedPrice: true,
              quotedAt: true,
              negotiatedPrice: true,
              negotiationNote: true,
              contractNumber: true,
              contractValue: true,
              completedAt: true,
              vendor: { select: { id: true, name: true, npwp: true, city: true } },
            },
          },
        },
      })
    : null;
  if (
    !paket ||
    paket.pejabatPengadaanId !== actor.userId ||
    !can(actor, "pengadaanLangsung.run", { agencyId: paket.agencyId })
  ) {
    throw new AppError("NOT_FOUND");
  }
  if (paket.method !== "PENGADAAN_LANGSUNG") throw new AppError("NOT_FOUND");
  return paket;
}

export type OwnDirectPaket = Awaited<ReturnType<typeof getOwnDirectPaket>>;
