import { ContractActionsForPpk } from "@/modules/contracts/components/contract-actions";
import { ContractPage, contractPageMetadata, loadContractPage } from "@/modules/contracts/components/contract-page";

export const generateMetadata = contractPageMetadata;

/** The PPK's contract: its terms, the next step (edit, send, sign, SPMK), its documents and H's execution panel. */
export default async function PpkContractPage({ params }: { params: Promise<{ id: string }> }) {
  const contract = await loadContractPage("PPK", (await params).id);
  const actions = <ContractActionsForPpk contract={contract} timeZone={contract.tender.paket.agency.timeZone} />;
  return <ContractPage contract={contract} side="PPK" actions={actions} />;
}
