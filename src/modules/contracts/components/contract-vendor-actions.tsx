import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ContractView } from "../server/get-contract-view";
import { ContractStepButton, RequestChangeForm } from "./contract-forms";

/** The vendor's step: sign the draft under review, or ask for a change. */
export async function ContractActionsForVendor({ contract }: { contract: ContractView }) {
  const t = await getTranslations("contracts.steps");
  if (contract.status !== "VENDOR_REVIEW") return null;
  if (contract.vendorSignedAt)
    return (
      <Card>
        <p role="status" className="text-sm">
          {t("waitingPpk")}
        </p>
      </Card>
    );
  return (
    <Card className="space-y-4">
      <ContractStepButton contractId={contract.id} step="vendorSign" />
      <RequestChangeForm contractId={contract.id} />
    </Card>
  );
}
