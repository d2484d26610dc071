import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import type { PublicTender } from "../server/find-public-tenders";

/** The address of a tender's public announcement. */
export const announcementHref = (code: string) => `/tender/${encodeURIComponent(code)}`;

/** The public tender list; times are in each agency's own zone, labelled WIB/WITA/WIT. */
export async function PublicTenderTable(props: { tenders: PublicTender[]; label: string; emptyTitle?: string; emptyBody?: string }) {
  const { tenders, label } = props;
  const [t, c, a, localeValue] = await Promise.all([getTranslations("home.table"), getTranslations("common"), getTranslations("announcement"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const stageBadge = ({ status, currentStage }: PublicTender) => {
    // A failed or cancelled tender says so instead of a stage it is no longer in.
    if (status === "FAILED" || status === "CANCELLED") return <Badge tone="danger">{a(`ended.${status}`)}</Badge>;
    if (currentStage) return <Badge tone="info">{a(`stage.${currentStage}`)}</Badge>;
    return <Badge>{c(`tenderStatus.${status}`)}</Badge>;
  };
  if (tenders.length === 0) {
    return props.emptyTitle ? <EmptyState title={props.emptyTitle}>{props.emptyBody}</EmptyState> : <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
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
            <Td className="min-w-56">
              {/* No prefetch: twenty announcements fetched ahead would cost a slow connection dearly. */}
              <Link href={announcementHref(tender.code)} prefetch={false} className="font-medium">{tender.paketName}</Link>
            </Td>
            <Td className="min-w-40">{tender.agencyName}</Td>
            <Td>{c(`category.${tender.category}`)}</Td>
            <Td>{c(`method.${tender.method}`)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{tender.hps === null ? c("none") : formatRupiah(tender.hps)}</Td>
            <Td>{stageBadge(tender)}</Td>
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
