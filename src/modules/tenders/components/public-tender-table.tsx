import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import type { PublicTender } from "../server/find-public-tenders";

/** The public tender list; times are in each agency's own zone, labelled WIB/WITA/WIT. */
export async function PublicTenderTable(props: { tenders: PublicTender[]; label: string; emptyTitle?: string }) {
  const { tenders, label } = props;
  const [t, c, localeValue] = await Promise.all([getTranslations("home.table"), getTranslations("common"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  if (tenders.length === 0) {
    return props.emptyTitle ? <EmptyState title={props.emptyTitle} /> : <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  }

  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t("code")}</Th>
          <Th>{t("paket")}</Th>
          <Th>{t("agency")}</Th>
          <Th>{t("category")}</Th>
          <Th>{t("method")}</Th>
          <Th className="text-right">{t("hps")}</Th>
          <Th>{t("stage")}</Th>
          <Th>{t("deadline")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tenders.map((tender) => (
          <tr key={tender.id}>
            <RowHeader className="font-mono text-xs whitespace-nowrap">{tender.code}</RowHeader>
            <Td className="min-w-56">{tender.paketName}</Td>
            <Td className="min-w-40">{tender.agencyName}</Td>
            <Td>{c(`category.${tender.category}`)}</Td>
            <Td>{c(`method.${tender.method}`)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{tender.hps === null ? c("none") : formatRupiah(tender.hps)}</Td>
            <Td>
              {tender.currentStage ? (
                <Badge tone="info">{c(`stage.${tender.currentStage}`)}</Badge>
              ) : (
                <Badge>{c(`tenderStatus.${tender.status}`)}</Badge>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {tender.bidDeadline ? (
                <time dateTime={tender.bidDeadline.toISOString()}>{formatInZone(tender.bidDeadline, tender.agencyTimeZone, locale)}</time>
              ) : (
                c("none")
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
