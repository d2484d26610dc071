import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { orNotFound, pageActor, pageId } from "@/server/page-access";
import type { ContractSide } from "../server/contract-access";
import { getContractView, type ContractView } from "../server/get-contract-view";
import { ContractDetails, ContractStatusBadge } from "./contract-details";
import { ContractDocuments, ContractTermins } from "./contract-parts";
import { ContractExecutionPanel } from "./execution-panel";

const PATH: Record<ContractSide, string> = { PPK: "/ppk/kontrak", PENYEDIA: "/penyedia/kontrak" };

export async function contractPageMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.page"))("title") };
}

/** The signed-in reader's contract from `side`; anyone the use case refuses: 404. */
export async function loadContractPage(side: ContractSide, rawId: string) {
  const id = pageId(rawId);
  const actor = await pageActor(`${PATH[side]}/${id}`);
  return orNotFound(getContractView(actor, id, side));
}

/**
 * The contract page of either side: its terms, termins, the side's own next step (`actions`,
 * passed by the page so each route ships only its side's forms), its documents and the
 * execution panel.
 */
export async function ContractPage({
  contract,
  side,
  actions,
}: {
  contract: ContractView;
  side: ContractSide;
  actions: ReactNode;
}) {
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
      {actions}
      <ContractDocuments documents={contract.documents} />
      <ContractExecutionPanel
        contractId={contract.id}
        status={contract.status}
        termins={contract.termins}
        viewer={side}
        timeZone={timeZone}
        locale={locale}
      />
    </div>
  );
}
