import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** The pengadaan langsung pakets handed to this Pejabat Pengadaan, newest first, with their progress. */
export async function findOwnDirectPakets(actor: Actor) {
  if (!can(actor, "pengadaanLangsung.run")) throw new AppError("FORBIDDEN");
  const rows = await db.paket.findMany({
    where: { pejabatPengadaanId: actor.userId, method: "PENGADAAN_LANGSUNG", status: { not: "DRAFT" } },
    orderBy: [{ handedOverAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      rupCode: true,
      name: true,
      hps: true,
      status: true,
      agencyId: true,
      agency: { select: { name: true } },
      directProcurement: { select: { status: true, vendor: { select: { name: true } } } },
    },
  });
  // A membership revoked since the hand-over no longer opens the paket.
  return rows
    .filter((p) => can(actor, "pengadaanLangsung.run", { agencyId: p.agencyId }))
    .map((p) => ({
      id: p.id,
      rupCode: p.rupCode,
      name: p.name,
      hps: p.hps,
      status: p.status,
      agencyName: p.agency.name,
      step: p.directProcurement?.status ?? null,
      vendorName: p.directProcurement?.vendor.name ?? null,
    }));
}
