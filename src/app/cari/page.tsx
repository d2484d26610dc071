import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone } from "@/lib/time";
import { MAX_KEYWORD, readTenderSearch, tenderSearchQuery } from "@/modules/announcement/tender-search.schemas";
import { searchNonTenderRecords } from "@/modules/non-tender/server/search-non-tender-records";
import { searchAgencies } from "@/modules/organisation/server/search-agencies";
import { PublicTenderTable } from "@/modules/tenders/components/public-tender-table";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";

// Matches depend on the data and the database clock (current stages) at the request.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * One search box over tenders, non-tender records and agencies (issue 14, item 2): the first
 * matches of each, and for tenders a link to the full list with the same keyword, where the
 * filters are. A GET form: it works without JavaScript and every search has an address.
 */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { search, problems } = readTenderSearch({ q: (await searchParams).q });
  const q = search.q;
  const t = await getTranslations("search");
  return (
    <section aria-labelledby="judul" className="space-y-6">
      <h1 id="judul" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" action="/cari" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="cari-q" className="block text-sm font-medium text-slate-800">
            {t("form.label")}
          </label>
          <input
            id="cari-q"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            maxLength={MAX_KEYWORD}
            aria-describedby="cari-q-hint"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
          <p id="cari-q-hint" className="text-xs text-slate-600">
            {t("form.hint")}
          </p>
        </div>
        <Button type="submit">{t("form.submit")}</Button>
      </form>
      {problems.length ? (
        <p role="alert" className="text-sm text-red-800">
          {t("problem.q")}
        </p>
      ) : null}
      {q === undefined ? <p>{t("prompt")}</p> : <Results q={q} />}
    </section>
  );
}

async function Results({ q }: { q: string }) {
  const [t, localeValue, tenders, nonTender, agencies] = await Promise.all([
    getTranslations("search"),
    getLocale(),
    findPublicTenders({ filters: { q }, take: 10 }),
    searchNonTenderRecords(q, 5),
    searchAgencies(q, 10),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const all = `/tender${tenderSearchQuery({ q, sort: "newest", page: 1 })}`;
  return (
    <>
      <section aria-labelledby="hasil-tender" className="space-y-3">
        <h2 id="hasil-tender" className="text-lg font-semibold">
          {t("tenders.title")}
        </h2>
        <p className="text-sm">
          {t(tenders.isTotalExact ? "tenders.count" : "tenders.countAbout", { total: tenders.total })}
        </p>
        <PublicTenderTable tenders={tenders.tenders} label={t("tenders.tableLabel")} />
        {tenders.total > 0 ? (
          <p>
            <Link href={all} prefetch={false}>
              {t("tenders.seeAll")}
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="hasil-non-tender" className="space-y-3">
        <h2 id="hasil-non-tender" className="text-lg font-semibold">
          {t("nonTender.title")}
        </h2>
        <p className="text-sm">
          {nonTender.isTotalExact
            ? t("nonTender.count", { total: nonTender.total })
            : t("nonTender.countMore", { total: nonTender.total })}
        </p>
        {nonTender.records.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {nonTender.records.map((r) => (
              <li key={r.id} className="space-y-1 p-3 text-sm">
                <Link href={`/non-tender/${r.id}`} prefetch={false} className="font-medium">
                  {r.name}
                </Link>
                <p className="text-slate-600">
                  {r.agencyName} · {t("nonTender.vendor", { name: r.vendorName })} ·{" "}
                  {t("nonTender.value", { value: formatRupiah(r.value) })} ·{" "}
                  <time dateTime={r.realizedOn.toISOString()}>
                    {formatDateInZone(r.realizedOn, r.agencyTimeZone, locale)}
                  </time>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="hasil-instansi" className="space-y-3">
        <h2 id="hasil-instansi" className="text-lg font-semibold">
          {t("agencies.title")}
        </h2>
        <p className="text-sm">{t("agencies.count", { total: agencies.length })}</p>
        {agencies.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {agencies.map((a) => (
              <li key={a.id}>
                {a.name} ({a.code}) ·{" "}
                <Link href={`/tender?agency=${a.id}`} prefetch={false}>
                  {t("agencies.tenders")}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
