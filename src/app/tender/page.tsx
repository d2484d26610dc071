import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchPager } from "@/modules/announcement/components/search-pager";
import { TenderFilterForm } from "@/modules/announcement/components/tender-filter-form";
import { findTenderFilterOptions } from "@/modules/announcement/server/find-tender-filter-options";
import { hasFilters, PAGE_SIZE, readTenderSearch } from "@/modules/announcement/tender-search.schemas";
import { FormMessage } from "@/components/ui/form-message";
import { PublicTenderTable } from "@/modules/tenders/components/public-tender-table";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";
import { RegisterVendorInvite } from "@/modules/vendors/components";

// The current stage depends on the database clock at the moment of the request.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcement.list");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The public tender list: filters, sort and page live in the address (a GET form). */
export default async function TenderListPage({ searchParams }: { searchParams: SearchParams }) {
  const { search, problems } = readTenderSearch(await searchParams);
  const { page: requestedPage, sort, ...filters } = search;
  const [t, p, options, result] = await Promise.all([
    getTranslations("announcement.list"),
    getTranslations("search.problem"),
    findTenderFilterOptions(),
    findPublicTenders({ filters, sort, page: requestedPage, take: PAGE_SIZE }),
  ]);
  const filtered = hasFilters(search);
  return (
    <section aria-labelledby="judul" className="space-y-4">
      <h1 id="judul" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <RegisterVendorInvite />
      <TenderFilterForm search={search} options={options} />
      {/* a filter the address gave but that cannot be used is named, not silently dropped */}
      <FormMessage
        message={problems.length ? { ok: false, text: p("title") } : null}
        problems={problems.map((problem) => p(problem))}
      />
      <h2 className="text-lg font-semibold">
        {t(result.isTotalExact ? "count" : "countAbout", { total: result.total })}
      </h2>
      <PublicTenderTable
        tenders={result.tenders}
        label={t("tableLabel")}
        emptyTitle={filtered ? t("emptyTitle") : undefined}
        emptyBody={filtered ? t("emptyBody") : undefined}
      />
      <SearchPager search={search} page={result.page} pageCount={result.pageCount} isCapped={result.isCapped} />
    </section>
  );
}
