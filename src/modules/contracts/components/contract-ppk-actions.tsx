import type { ContractView } from "../server/get-contract-view";

/** The PPK's next step on the contract (filled with the use cases). */
export async function ContractActionsForPpk({ contract, timeZone }: { contract: ContractView; timeZone: string }) {
  void contract;
  void timeZone;
  return null;
}
