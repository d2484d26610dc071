import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isValidPokjaSize } from "../domain/handover-rules";

/** The Pokja must be of the paket's agency and properly formed (Perpres 16/2018 Pasal 13). */
export async function assertPokja(tx: Tx, pokjaId: string, agencyId: string): Promise<void> {
  const pokja = await tx.pokja.findUnique({
    where: { id: pokjaId },
    select: { agencyId: true, _count: { select: { members: true } } },
  });
  if (!pokja || pokja.agencyId !== agencyId) {
    throw new AppError(
      "VALIDATION",
      "handOverPokjaNotFound",
      {},
      { pokjaId: ["Pokja Pemilihan tidak ditemukan di K/L/PD paket ini."] },
    );
  }
  const count = pokja._count.members;
  if (!isValidPokjaSize(count)) {
    throw new AppError(
      "VALIDATION",
      "handOverPokjaSize",
      { count },
      {
        pokjaId: [
          `Pokja Pemilihan harus beranggotakan gasal, paling sedikit 3 orang (Perpres 16/2018 Pasal 13); Pokja ini ${count} orang.`,
        ],
      },
    );
  }
}

/** The Pejabat Pengadaan must hold that role in the paket's agency and be active. */
export async function assertPejabatPengadaan(tx: Tx, userId: string, agencyId: string): Promise<void> {
  const holder = await tx.roleMembership.findFirst({
    where: {
      userId,
      role: "PEJABAT_PENGADAAN",
      agencyId,
      user: { isDisabled: false },
      ...activeMembershipWhere(await dbNow(tx)),
    },
    select: { id: true },
  });
  if (!holder) {
    throw new AppError(
      "VALIDATION",
      "handOverPejabatNotFound",
      {},
      { pejabatPengadaanId: ["Pejabat Pengadaan tidak ditemukan di K/L/PD paket ini."] },
    );
  }
}
