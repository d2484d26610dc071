import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LISTABLE_TENDERS } from "@/modules/tenders";
import { tenderSearchQuery, type TenderSearch } from "../tender-search.schemas";

/**
 * Previous/next links that keep the filters and sort (the shared Pagination only knows
 * ?page=N). Plain links: no JavaScript, no prefetching on a slow connection. When more
 * tenders match than can be paged through, the visitor is told to narrow the search.
 */
export async function SearchPager({
  search,
  page,
  pageCount,
  isCapped,
}: {
  search: TenderSearch;
  page: number;
  pageCount: number;
  isCapped: boolean;
}) {
  const [t, list] = await Promise.all([getTranslations("common.pagination"), getTranslations("announcement.list")]);
  const capped =
    isCapped && page === pageCount ? (
      <p role="status" className="text-sm text-slate-600">
        {list("capped", { limit: LISTABLE_TENDERS })}
      </p>
    ) : null;
  if (pageCount <= 1) return capped;
  const href = (n: number) => `/tender${tenderSearchQuery(search, { page: n })}`;
  return (
    <>
      <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        {page > 1 ? (
          <Link href={href(page - 1)} rel="prev" prefetch={false}>
            ← {t("previous")}
          </Link>
        ) : (
          <span aria-hidden="true" />
        )}
        <span className="text-slate-600">{t("status", { page, pages: pageCount })}</span>
        {page < pageCount ? (
          <Link href={href(page + 1)} rel="next" prefetch={false}>
            {t("next")} →
          </Link>
        ) : (
          <span aria-hidden="true" />
        )}
      </nav>
      {capped}
    </>
  );
}
