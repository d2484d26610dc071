import "server-only";
import type { ContractChangeTrigger } from "@/modules/open-data/domain";
import { tenderChanged } from "@/modules/open-data";
import type { Tx } from "@/server/db";

/**
 * What the public learns from a change of a contract, in the change's own transaction: the
 * tender's OCDS release gains the contract (its `contracts` come from the Contract row, its
 * addenda, termins and payments: open-data's snapshot), tagged by the trigger. Every use case
 * that changes a signed contract calls it (the signing, the SPMK, H's progress, BAST, payment,
 * addendum, completion and termination). It takes the tender's row lock first, as the
 * lifecycle's writer does, so two changes publish their releases one after the other.
 */
export async function contractChanged(
  tx: Tx,
  contractId: string,
  trigger: ContractChangeTrigger,
  now: Date,
): Promise<void> {
  const { tenderId } = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { tenderId: true } });
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  await tenderChanged(tx, tenderId, trigger, now);
}
