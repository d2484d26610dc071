import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { DeleteSavedSearchButton, SavedSearchForm } from "@/modules/alerts/components";
import { findSavedSearches } from "@/modules/alerts/server/find-saved-searches";
import { readAlertSettings } from "@/modules/alerts/server/settings";
import { getLpseProfile } from "@/modules/lpse";
import { PROCUREMENT_CATEGORIES } from "@/modules/paket/domain";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("title") };
}

type Search = Awaited<ReturnType<typeof findSavedSearches>>["searches"][number];

/** A vendor's saved searches: what each one watches, its latest matches, and the forms to change them. */
export default async function SavedSearchesPage() {
  const actor = await pageActor("/penyedia/pencarian-tersimpan");
  const data = await unlessForbidden(findSavedSearches(actor));
  if (!data) return <ForbiddenMessage />;
  const [t, tc, locale, lpse] = await Promise.all([
    getTranslations("alerts"),
    getTranslations("common.category"),
    getLocale(),
    getLpseProfile(),
  ]);
  const { digestHour, maxPerUser } = readAlertSettings();
  const categoryOptions = PROCUREMENT_CATEGORIES.map((c) => ({ value: c, label: tc(c) }));
  const at = (d: Date) => formatInZone(d, lpse.timeZone, locale === "en" ? "en" : "id");
  const any = t("list.any");

  const filters = (s: Search) => [
    [t("form.kbli"), s.kbli.length ? s.kbli.join(", ") : any],
    [t("form.region"), s.region ?? any],
    [t("form.categories"), s.categories.length ? s.categories.map((c) => tc(c)).join(", ") : any],
    [
      t("list.value"),
      s.minValue === null && s.maxValue === null
        ? any
        : t("list.range", {
            min: s.minValue === null ? "–" : formatRupiah(s.minValue),
            max: s.maxValue === null ? "–" : formatRupiah(s.maxValue),
          }),
    ],
    [t("form.keyword"), s.keyword ?? any],
    [t("form.frequency"), t(`form.frequencies.${s.frequency}`)],
    [t("list.owner"), s.user.name],
  ];

  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { hour: String(digestHour).padStart(2, "0"), max: maxPerUser })}</p>
      </header>
      {data.searches.length === 0 ? (
        <EmptyState title={t("list.empty")} />
      ) : (
        <ul className="space-y-4" aria-label={t("list.label")}>
          {data.searches.map((s) => (
            <li key={s.id} id={`pencarian-${s.id}`}>
              <Card>
                <h2 className="text-lg font-semibold">{s.name}</h2>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  {filters(s).map(([term, value]) => (
                    <div key={term} className="contents">
                      <dt className="text-slate-600">{term}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
                <h3 className="mt-3 text-sm font-semibold">{t("list.recent")}</h3>
                {s.matches.length ? (
                  <ul className="list-disc pl-5 text-sm">
                    {s.matches.map((m) => (
                      <li key={m.tender.code}>
                        <Link href={`/tender/${m.tender.code}`} className="text-blue-800 underline">
                          {m.tender.code}: {m.tender.paket.name}
                        </Link>{" "}
                        <span className="text-slate-600">
                          {t("list.matchedAt", { at: at(m.matchedAt) })}
                          {m.sentAt ? "" : ` · ${t("list.waiting")}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-600">{t("list.noMatches")}</p>
                )}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-blue-800">{t("list.edit")}</summary>
                  <div className="mt-3">
                    <SavedSearchForm
                      search={{
                        id: s.id,
                        name: s.name,
                        kbli: s.kbli,
                        region: s.region,
                        categories: s.categories,
                        minValue: s.minValue?.toString() ?? null,
                        maxValue: s.maxValue?.toString() ?? null,
                        keyword: s.keyword,
                        frequency: s.frequency,
                      }}
                      suggestedKbli={data.suggestedKbli}
                      categoryOptions={categoryOptions}
                    />
                  </div>
                </details>
                <div className="mt-3">
                  <DeleteSavedSearchButton savedSearchId={s.id} name={s.name} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-search-title" className="space-y-3">
        <h2 id="new-search-title" className="text-lg font-semibold">
          {t("form.newTitle")}
        </h2>
        <Card>
          <SavedSearchForm suggestedKbli={data.suggestedKbli} categoryOptions={categoryOptions} />
        </Card>
      </section>
    </div>
  );
}
