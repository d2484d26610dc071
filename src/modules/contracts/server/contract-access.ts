import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export type ContractSide = "PPK" | "PENYEDIA";

/**
 * Who may see or act on a contract, decided at the data: the PPK of the paket's agency
 * (contract.manage, as the SPPBJ is issued by that agency's PPK), or a user of the winning
 * vendor (contract.respond). Anyone else learns nothing: NOT_FOUND. With `lock` the
 * contract's row is locked for the step that follows.
 */
export async function contractFor(
  tx: Tx,
  actor: Actor,
  contractId: string,
  side: ContractSide,
  options: { lock?: boolean } = {},
) {
  if (options.lock) await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${contractId}::uuid FOR UPDATE`;
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      tenderId: true,
      vendorId: true,
      number: true,
      status: true,
      value: true,
      vendorSignedAt: true,
      tender: {
        select: {
          code: true,
          paket: { select: { name: true, agencyId: true, createdById: true, agency: { select: { timeZone: true } } } },
        },
      },
    },
  });
  if (!contract || !mayAct(actor, side, contract.tender.paket.agencyId, contract.vendorId))
    throw new AppError("NOT_FOUND");
  return contract;
}

export function mayAct(actor: Actor, side: ContractSide, agencyId: string, vendorId: string): boolean {
  return side === "PPK"
    ? can(actor, "contract.manage", { agencyId })
    : can(actor, "contract.respond") && actor.vendorId === vendorId;
}

/** The PPK side to tell: the paket's maker and whoever drafted the contract. */
export async function ppkUserIds(tx: Tx, contractId: string): Promise<string[]> {
  const c = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { draftedById: true, tender: { select: { paket: { select: { createdById: true } } } } },
  });
  return [...new Set([c.draftedById, c.tender.paket.createdById])];
}

export const contractPath = (contractId: string, side: ContractSide) =>
  side === "PPK" ? `/ppk/kontrak/${contractId}` : `/penyedia/kontrak/${contractId}`;
