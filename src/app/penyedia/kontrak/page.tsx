import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { ContractList } from "@/modules/contracts/components/contract-list";
import { findVendorContracts } from "@/modules/contracts/server/find-contracts";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.list"))("vendorTitle") };
}

/** The company's contracts: to review and sign, then their progress. */
export default async function VendorContractsPage() {
  const actor = await pageActor("/penyedia/kontrak");
  const rows = await findVendorContracts(actor);
  const [t, localeValue] = await Promise.all([getTranslations("contracts.list"), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("vendorTitle")}</h1>
      <ContractList rows={rows} basePath="/penyedia/kontrak" locale={isLocale(localeValue) ? localeValue : "id"} />
    </div>
  );
}
