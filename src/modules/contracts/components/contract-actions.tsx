import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { toZonedLocal } from "@/lib/zoned-time";
import type { ContractView } from "../server/get-contract-view";
import { ContractStepButton, SpmkForm } from "./contract-forms";
import { ContractTermsForm } from "./contract-terms-form";

const day = (d: Date, timeZone: string) => toZonedLocal(d, timeZone).slice(0, 10);

/** "Termin I; 40" lines back from the stored termins, for the edit form. */
const planText = (termins: ContractView["termins"]) =>
  termins.map((t) => `${t.description}; ${(t.percentBp / 100).toString().replace(".", ",")}`).join("\n");

/** The PPK's next step on the contract, by its state. */
export async function ContractActionsForPpk({ contract, timeZone }: { contract: ContractView; timeZone: string }) {
  const t = await getTranslations("contracts.steps");
  const tp = await getTranslations("contracts.page");
  // another PPK of the agency reads the contract; its steps are the answering PPK's
  if (!contract.mayAct)
    return (
      <Card>
        <p className="text-sm">{tp("readOnlyPpk")}</p>
      </Card>
    );
  if (contract.status === "DRAFT")
    return (
      <Card className="space-y-4">
        {contract.vendorNote ? (
          <p role="status" className="text-sm font-medium text-amber-900">
            {tp("vendorNote", { note: contract.vendorNote })}
          </p>
        ) : null}
        <h2 className="font-semibold">{t("editTitle")}</h2>
        <ContractTermsForm
          target={{ contractId: contract.id }}
          showAssetsExemption={contract.category === "JASA_LAINNYA"}
          defaults={{
            startsOn: day(contract.startsOn, timeZone),
            endsOn: day(contract.endsOn, timeZone),
            paymentMode: contract.paymentMode,
            terminPlan: contract.paymentMode === "TERMIN" ? planText(contract.termins) : "",
            ppkSignatoryName: contract.ppkSignatoryName,
            ppkSignatoryPosition: contract.ppkSignatoryPosition,
            ppkSignatoryNip: contract.ppkSignatoryNip,
            vendorSignatoryName: contract.vendorSignatoryName,
            vendorSignatoryPosition: contract.vendorSignatoryPosition,
            vendorMandateNumber: contract.vendorMandateNumber ?? "",
            vendorMandateDate: contract.vendorMandateDate ? day(contract.vendorMandateDate, timeZone) : "",
            vendorMandateGrantor: contract.vendorMandateGrantor ?? "",
            assetsHeldByUser: contract.bondLegalBasis.includes("ayat (2) huruf a"),
          }}
        />
        <h2 className="font-semibold">{t("sendTitle")}</h2>
        <ContractStepButton contractId={contract.id} step="send" />
      </Card>
    );
  if (contract.status === "VENDOR_REVIEW")
    return (
      <Card className="space-y-3">
        {contract.vendorSignedAt ? (
          <ContractStepButton contractId={contract.id} step="ppkSign" />
        ) : (
          <p role="status" className="text-sm">
            {t("waitingVendor")}
          </p>
        )}
      </Card>
    );
  if (contract.status === "SIGNED")
    return (
      <Card className="space-y-3">
        <SpmkForm contractId={contract.id} defaultDay={day(contract.startsOn, timeZone)} />
      </Card>
    );
  return null;
}
