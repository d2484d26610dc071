import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone } from "@/lib/time";
import { parsePageNumber } from "@/lib/page-number";
import { can } from "@/modules/auth/domain/permissions";
import { findNonTenderRecords } from "@/modules/non-tender/server/find-non-tender-records";
import { PenunjukanList } from "@/modules/penunjukan/components/penunjukan-list";
import { getActor } from "@/server/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.nonTender"))("title") };
}

/** Public: every non-tender record, shown as a record and never as a tender; then the penunjukan langsung. */
export default async function NonTenderListPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; pl?: string }>;
}) {
  const { page, pl } = await searchParams;
  const [{ records, page: current, pageCount }, actor, t, localeValue] = await Promise.all([
    findNonTenderRecords({ page: parsePageNumber(page) }),
    getActor(),
    getTranslations("procurement.nonTender"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <section aria-labelledby="judul" className="space-y-4">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="judul" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          {actor && can(actor, "nonTender.record") ? <ButtonLink href="/non-tender/baru">{t("new")}</ButtonLink> : null}
        </div>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </header>
      {records.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("agency")}</Th>
              <Th>{t("kind")}</Th>
              <Th className="text-right">{t("value")}</Th>
              <Th>{t("realizedOn")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {records.map((r) => (
              <tr key={r.id}>
                <RowHeader className="min-w-56">
                  <Badge>{t("badge")}</Badge> <Link href={`/non-tender/${r.id}`}>{r.name}</Link>
                </RowHeader>
                <Td className="min-w-40">{r.agencyName}</Td>
                <Td>{t(`kindName.${r.kind}`)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatRupiah(r.value)}</Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={r.realizedOn.toISOString()}>
                    {formatDateInZone(r.realizedOn, r.agencyTimeZone, locale)}
                  </time>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination basePath="/non-tender" page={current} pageCount={pageCount} />
      <PenunjukanList page={parsePageNumber(pl)} />
    </section>
  );
}
