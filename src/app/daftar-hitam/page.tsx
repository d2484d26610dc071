import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { parsePageNumber } from "@/lib/page-number";
import { BlacklistTable } from "@/modules/blacklist/components";
import { findBlacklist } from "@/modules/blacklist/server/find-blacklist";

// Public, no sign-in, server-rendered with no client component; one page for every visitor
// in the shared page cache (src/server/page-cache.ts), as /tanda-bahaya.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blacklist"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BlacklistPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q : undefined;
  const [t, list] = await Promise.all([
    getTranslations("blacklist"),
    findBlacklist({ page: parsePageNumber(raw.page), q }),
  ]);
  return (
    <section aria-labelledby="judul" className="space-y-6">
      <header className="space-y-2">
        <h1 id="judul" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p className="text-sm text-slate-600">{t("basisNote")}</p>
      </header>
      <form method="get" action="/daftar-hitam" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="cari-daftar-hitam" className="block text-sm font-medium text-slate-800">
            {t("search.label")}
          </label>
          <input
            id="cari-daftar-hitam"
            name="q"
            defaultValue={list.q}
            maxLength={100}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className={buttonClass()}>
          {t("search.submit")}
        </button>
        {list.q ? (
          <Link href="/daftar-hitam" className="text-sm underline">
            {t("search.clear")}
          </Link>
        ) : null}
      </form>
      {list.q ? (
        <p role="status" className="text-sm text-slate-700">
          {t("search.results", { count: list.total, q: list.q })}
        </p>
      ) : null}
      <BlacklistTable rows={list.rows} />
      <Pagination
        basePath="/daftar-hitam"
        page={list.page}
        pageCount={list.pageCount}
        query={list.q ? { q: list.q } : {}}
      />
    </section>
  );
}
