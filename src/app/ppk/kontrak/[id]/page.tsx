import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { ContractActionsForPpk } from "@/modules/contracts/components/contract-actions";
import { ContractDetails, ContractStatusBadge } from "@/modules/contracts/components/contract-details";
import { ContractDocuments, ContractTermins } from "@/modules/contracts/components/contract-parts";
import { ContractExecutionPanel } from "@/modules/contracts/components/execution-panel";
import { getContractView } from "@/modules/contracts/server/get-contract-view";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.page"))("title") };
}

/** The PPK's contract: its terms, the next step (edit, send, sign, SPMK), its documents and H's execution panel. */
export default async function PpkContractPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await pageActor(`/ppk/kontrak/${id}`);
  const contract = await orNotFound(getContractView(actor, id, "PPK"));
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
      <ContractActionsForPpk contract={contract} timeZone={timeZone} />
      <ContractDocuments documents={contract.documents} />
      <ContractExecutionPanel
        contractId={contract.id}
        status={contract.status}
        termins={contract.termins}
        viewer="PPK"
        timeZone={timeZone}
        locale={locale}
      />
    </div>
  );
}
