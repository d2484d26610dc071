import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone } from "@/lib/time";
import { findPublicContract } from "../server/find-public-contract";
import { ContractStatusBadge } from "./contract-details";

/** The contract's summary on the public tender page (server-rendered, one page for every visitor). */
export async function PublicContractSummary({ tenderId, timeZone }: { tenderId: string; timeZone: string }) {
  const contract = await findPublicContract(tenderId);
  if (!contract) return null;
  const [t, localeValue] = await Promise.all([getTranslations("contracts.public"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const day = (d: Date) => formatDateInZone(d, timeZone, locale);
  const change = contract.value - contract.originalValue;
  const rows: [string, string][] = [
    [t("number"), contract.number],
    [t("vendor"), contract.vendor.name],
    [t("value"), formatRupiah(contract.value)],
    [t("period"), t("periodValue", { from: day(contract.startsOn), to: day(contract.endsOn) })],
    [t("signedOn"), day(contract.ppkSignedAt)],
    [t("spmkOn"), contract.spmkStartsOn ? day(contract.spmkStartsOn) : "–"],
    [
      t("addenda"),
      contract.addendaCount
        ? t("addendaValue", {
            count: contract.addendaCount,
            change: `${change >= 0n ? "+" : "-"}${formatRupiah(change >= 0n ? change : -change)}`,
            original: formatRupiah(contract.originalValue),
          })
        : t("noAddenda"),
    ],
  ];
  return (
    <section aria-labelledby="contract-heading" className="space-y-2">
      <h2 id="contract-heading" className="text-lg font-semibold">
        {t("title")} <ContractStatusBadge status={contract.status} />
      </h2>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
