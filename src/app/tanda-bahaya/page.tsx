import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RedFlagDefinitions, RedFlagList } from "@/modules/red-flags/components";
import { parseRedFlagFilter, RED_FLAG_FILTER_KEYS } from "@/modules/red-flags/red-flags.schemas";
import { countRedFlags, findRedFlagChoices, findRedFlags } from "@/modules/red-flags/server/find-red-flags";
import { redFlagSettings } from "@/modules/red-flags/server/refresh-red-flags";

// Public, no sign-in, server-rendered with no client component: the definitions of the red
// flags with their sources and counts, and the flagged tenders with filters and keyset pages.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("redFlags"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RedFlagsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = parseRedFlagFilter(raw);
  // wrong filters search nothing: the form names what to correct
  const filter = parsed.ok ? parsed.filter : {};
  const [t, counts, choices, page] = await Promise.all([
    getTranslations("redFlags"),
    countRedFlags(filter),
    findRedFlagChoices(),
    parsed.ok ? findRedFlags(parsed.filter) : Promise.resolve(null),
  ]);
  const typed = Object.fromEntries(
    RED_FLAG_FILTER_KEYS.map((key) => [key, typeof raw[key] === "string" ? raw[key] : undefined]),
  );
  const query = new URLSearchParams();
  if (parsed.ok)
    for (const key of RED_FLAG_FILTER_KEYS) if (parsed.filter[key]) query.set(key, String(parsed.filter[key]));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p className="font-medium">{t("notAccusation")}</p>
      </header>
      <RedFlagDefinitions thresholds={redFlagSettings()} counts={counts} />
      <RedFlagList
        filter={filter}
        typed={typed}
        problems={parsed.ok ? [] : parsed.fields}
        page={page}
        choices={choices}
        query={query}
      />
    </div>
  );
}
