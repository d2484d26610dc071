import "server-only";
import type { PaketStatus, ProcurementMethod } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { agencyScope } from "./scope";

export interface PaketRow {
  id: string;
  rupCode: string;
  name: string;
  agencyName: string;
  status: PaketStatus;
  method: ProcurementMethod | null;
  pagu: bigint;
  hps: bigint | null;
}

const SHOWN = 50;

async function findPakets(agencyIds: string[], method?: ProcurementMethod): Promise<PaketRow[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.paket.findMany({
    where: { agencyId: { in: agencyIds }, ...(method ? { method } : {}) },
    orderBy: { updatedAt: "desc" },
    take: SHOWN,
    select: {
      id: true,
      rupCode: true,
      name: true,
      status: true,
      method: true,
      pagu: true,
      hps: true,
      agency: { select: { name: true } },
    },
  });
  return rows.map(({ agency, ...paket }) => ({ ...paket, agencyName: agency.name }));
}

/** A PPK works on the pakets of the agencies where they are PPK. */
export async function findPpkPakets(actor: Actor): Promise<PaketRow[]> {
  return findPakets(agencyScope(actor, "PPK"));
}

/** The Pejabat Pengadaan runs pengadaan langsung (Perpres 16/2018, duties of the Pejabat Pengadaan). */
export async function findPengadaanLangsungPakets(actor: Actor): Promise<PaketRow[]> {
  return findPakets(agencyScope(actor, "PEJABAT_PENGADAAN"), "PENGADAAN_LANGSUNG");
}
