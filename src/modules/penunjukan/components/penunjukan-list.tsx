import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone } from "@/lib/time";
import { findPublicPenunjukan } from "../server/find-public-penunjukan";

/**
 * The public list of penunjukan langsung on /non-tender: each links to its public page
 * (the tender's announcement: schedule, documents, result). Paged by `?pl=`.
 */
export async function PenunjukanList({ page }: { page: number | undefined }) {
  const [{ items, page: current, pageCount }, t, localeValue] = await Promise.all([
    findPublicPenunjukan({ page }),
    getTranslations("remedies.penunjukan"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <section aria-labelledby="penunjukan-langsung" className="space-y-3">
      <h2 id="penunjukan-langsung" className="text-xl font-semibold">
        {t("listTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("listIntro")}</p>
      {items.length === 0 ? (
        <EmptyState title={t("listEmpty")} />
      ) : (
        <Table label={t("listLabel")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("agency")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("result")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((r) => (
              <tr key={r.id}>
                <RowHeader className="min-w-56">
                  <Badge>{t("title")}</Badge> <Link href={`/tender/${r.code}`}>{r.name}</Link>
                  <span className="block text-xs text-slate-600">
                    {r.code}
                    {r.publishedAt ? ` · ${formatDateInZone(r.publishedAt, r.agencyTimeZone, locale)}` : ""}
                  </span>
                </RowHeader>
                <Td className="min-w-40">{r.agencyName}</Td>
                <Td>{t(`statuses.${r.status}`)}</Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {r.vendorName
                    ? `${r.vendorName} · ${r.agreedPrice === null ? "" : formatRupiah(r.agreedPrice)}`
                    : "-"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination basePath="/non-tender" param="pl" page={current} pageCount={pageCount} />
    </section>
  );
}
