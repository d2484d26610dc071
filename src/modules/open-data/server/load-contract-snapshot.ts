import "server-only";
import { ADDENDA_IN_ORDER } from "@/modules/contracts/domain";
import type { Tx } from "@/server/db";
import type { SnapshotContract } from "../domain/build-contract-release";

/**
 * The tender's contract as the public may know it: only once both parties signed (a draft or
 * a contract under the vendor's review is not public), with its addenda, termins, BAST and
 * payments; never its signatories, notes, references or PDFs.
 */
export async function loadContractSnapshot(tx: Tx, tenderId: string): Promise<SnapshotContract | null> {
  const contract = await tx.contract.findUnique({
    where: { tenderId },
    select: {
      number: true,
      status: true,
      value: true,
      startsOn: true,
      endsOn: true,
      ppkSignedAt: true,
      terminatedAt: true,
      terminationReason: true,
      terminationGround: true,
      addenda: ADDENDA_IN_ORDER,
      termins: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          description: true,
          amount: true,
          dueOn: true,
          bastAt: true,
          paidAmount: true,
          paidAt: true,
        },
      },
    },
  });
  return contract && contract.ppkSignedAt ? contract : null;
}
