import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { ContractActionsForVendor } from "@/modules/contracts/components/contract-vendor-actions";
import { ContractDetails, ContractStatusBadge } from "@/modules/contracts/components/contract-details";
import { ContractDocuments, ContractTermins } from "@/modules/contracts/components/contract-parts";
import { ContractExecutionPanel } from "@/modules/contracts/components/execution-panel";
import { getContractView } from "@/modules/contracts/server/get-contract-view";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.page"))("title") };
}

/** The vendor's contract: its terms, the review (sign or ask a change), its documents and the execution panel. */
export default async function VendorContractPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await pageActor(`/penyedia/kontrak/${id}`);
  const contract = await orNotFound(getContractView(actor, id, "PENYEDIA"));
  const [t, localeValue] = await Promise.all([getTranslations("contracts.page"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const timeZone = contract.tender.paket.agency.timeZone;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{contract.tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">
          {contract.tender.paket.name} <ContractStatusBadge status={contract.status} />
        </p>
      </header>
      <p className="text-sm text-slate-700">{t("signatureNote")}</p>
      <Card className="space-y-3">
        <ContractDetails contract={contract} timeZone={timeZone} locale={locale} />
      </Card>
      <ContractTermins termins={contract.termins} timeZone={timeZone} locale={locale} />
      <ContractActionsForVendor contract={contract} />
      <ContractDocuments documents={contract.documents} />
      <ContractExecutionPanel
        contractId={contract.id}
        status={contract.status}
        termins={contract.termins}
        viewer="PENYEDIA"
        timeZone={timeZone}
        locale={locale}
      />
    </div>
  );
}
