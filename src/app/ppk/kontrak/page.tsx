import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatDateInZone } from "@/lib/time";
import { ContractList } from "@/modules/contracts/components/contract-list";
import { findPpkContracts } from "@/modules/contracts/server/find-contracts";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.list"))("ppkTitle") };
}

/** The PPK's e-Kontrak: tenders with an SPPBJ waiting for their contract, and the contracts. */
export default async function PpkContractsPage() {
  const actor = await pageActor("/ppk/kontrak");
  const { contracts, awaiting } = await findPpkContracts(actor);
  const [t, localeValue] = await Promise.all([getTranslations("contracts.list"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("ppkTitle")}</h1>
      <Card className="space-y-3">
        <h2 className="font-semibold">{t("awaitingTitle")}</h2>
        {awaiting.length ? (
          <ul className="space-y-2 text-sm">
            {awaiting.map((tender) => (
              <li key={tender.id}>
                <a href={`/ppk/kontrak/baru/${tender.id}`}>
                  {t("draftFor", { code: tender.code, name: tender.paket.name })}
                </a>{" "}
                <span className="text-slate-600">
                  {t("sppbjOn", {
                    vendor: tender.winnerBid?.vendor.name ?? "–",
                    at: formatDateInZone(tender.sppbjIssuedAt!, tender.paket.agency.timeZone, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("awaitingEmpty")}</p>
        )}
      </Card>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("title")}</h2>
        <ContractList rows={contracts} basePath="/ppk/kontrak" locale={locale} />
      </section>
    </div>
  );
}
