import { ContractActionsForVendor } from "@/modules/contracts/components/contract-vendor-actions";
import { ContractPage, contractPageMetadata, loadContractPage } from "@/modules/contracts/components/contract-page";

export const generateMetadata = contractPageMetadata;

/** The vendor's contract: its terms, the review (sign or ask a change), its documents and the execution panel. */
export default async function VendorContractPage({ params }: { params: Promise<{ id: string }> }) {
  const contract = await loadContractPage("PENYEDIA", (await params).id);
  return (
    <ContractPage contract={contract} side="PENYEDIA" actions={<ContractActionsForVendor contract={contract} />} />
  );
}
