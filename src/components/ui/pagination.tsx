import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Previous/next links that keep working without JavaScript (?page=N, or another `param` for a page's second
 * list); `query` keeps other parameters (a search) on every link.
 */
export function Pagination({
  basePath,
  page,
  pageCount,
  param = "page",
  query = {},
}: {
  basePath: string;
  page: number;
  pageCount: number;
  param?: string;
  query?: Record<string, string>;
}) {
  const t = useTranslations("common.pagination");
  if (pageCount <= 1) return null;
  const href = (n: number) => `${basePath}?${new URLSearchParams({ ...query, [param]: String(n) })}`;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="text-slate-600">{t("status", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
