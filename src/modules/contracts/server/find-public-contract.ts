import "server-only";
import { db } from "@/server/db";

/**
 * The contract's public summary on the tender's page: only once both parties signed, and only
 * what the award already shows of the vendor (its name) plus the contract's number, value,
 * period, status, the signing and SPMK days and its addenda (count and value change). Never
 * the signatories, NIP, notes or PDFs.
 */
export async function findPublicContract(tenderId: string) {
  const contract = await db.contract.findUnique({
    where: { tenderId },
    select: {
      number: true,
      status: true,
      originalValue: true,
      value: true,
      startsOn: true,
      endsOn: true,
      ppkSignedAt: true,
      spmkStartsOn: true,
      completedAt: true,
      terminatedAt: true,
      vendor: { select: { name: true } },
      _count: { select: { addenda: true } },
    },
  });
  if (!contract?.ppkSignedAt) return null;
  const { _count, ...rest } = contract;
  return { ...rest, ppkSignedAt: contract.ppkSignedAt, addendaCount: _count.addenda };
}
