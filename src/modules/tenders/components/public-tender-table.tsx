import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TimeInZone } from "@/modules/clock/components";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import type { PublicTender } from "../server/find-public-tenders";

/** The address of a tender's public announcement. */
export const announcementHref = (code: string) => `/tender/${encodeURIComponent(code)}`;

/** The public tender list; times are in each agency's own zone, labelled WIB/WITA/WIT. */
export async function PublicTenderTable(props: {
  tenders: PublicTender[];
  label: string;
  emptyTitle?: string;
  emptyBody?: string;
}) {
  const { tenders, label } = props;
  const [t, c, a, localeValue] = await Promise.all([
    getTranslations("home.table"),
    getTranslations("common"),
    getTranslations("announcement"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const stageBadge = ({ status, currentStage }: PublicTender) => {
    // A failed or cancelled tender says so instead of a stage it is no longer in.
    if (status === "FAILED" || status === "CANCELLED") return <Badge tone="danger">{a(`ended.${status}`)}</Badge>;
    // moved to another LPSE: the announcement page points to its new home
    if (status === "TRANSFERRED") return <Badge tone="warning">{c("tenderStatus.TRANSFERRED")}</Badge>;
    if (currentStage) return <Badge tone="info">{a(`stage.${currentStage}`)}</Badge>;
    return <Badge>{c(`tenderStatus.${status}`)}</Badge>;
  };
  if (tenders.length === 0) {
    return props.emptyTitle ? (
      <EmptyState title={props.emptyTitle}>{props.emptyBody}</EmptyState>
    ) : (
      <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
    );
  }

  // Paket and deadline lead, the columns a vendor reads first; from 1280 px every column
  // fits the page, on a phone the box scrolls (measured in tests/e2e/layout-and-deadlines).
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t("paket")}</Th>
          <Th>{t("deadline")}</Th>
          <Th>{t("stage")}</Th>
          <Th className="text-right">{t("hps")}</Th>
          <Th>{t("agency")}</Th>
          <Th>
            {t("category")} / {t("method")}
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tenders.map((tender) => (
          <tr key={tender.id}>
            <RowHeader className="min-w-48 font-normal">
              {/* No prefetch: twenty announcements fetched ahead would cost a slow connection dearly. */}
              <Link href={announcementHref(tender.code)} prefetch={false} className="font-medium">
                {tender.paketName}
              </Link>
              <span className="block font-mono text-xs text-slate-600">
                <span className="sr-only">{t("code")} </span>
                {tender.code}
              </span>
            </RowHeader>
            <Td data-testid="tender-deadline">
              {tender.bidDeadline ? (
                <TimeInZone at={tender.bidDeadline} timeZone={tender.agencyTimeZone} locale={locale} />
              ) : (
                c("none")
              )}
            </Td>
            {/* a long stage name wraps inside its badge rather than widening the table */}
            <Td className="min-w-28 [&_span]:whitespace-normal">{stageBadge(tender)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {tender.hps === null ? c("none") : formatRupiah(tender.hps)}
            </Td>
            <Td className="min-w-32">{tender.agencyName}</Td>
            <Td>
              {c(`category.${tender.category}`)}
              <span className="block text-slate-600">{c(`method.${tender.method}`)}</span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
