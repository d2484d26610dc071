import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { FEED_LIMIT } from "@/modules/open-data/domain/feed-cursor";
import { OCDS_LICENSE } from "@/modules/open-data/domain/packages";
import { findExampleOcid, findOcdsPublisher, findReleaseYears } from "@/modules/open-data/server/find-ocds-publisher";

// Public, no sign-in, the same for everyone (kept a few seconds by src/server/page-cache.ts),
// server-rendered with no client component: it only shows data and links, so it works
// without JavaScript. What is published and how (docs/decisions/0041).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openData"))("title") };
}

const code = (text: string) => <code className="font-mono text-xs break-all">{text}</code>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function OpenDataPage() {
  const [t, publisher, years, exampleOcid] = await Promise.all([
    getTranslations("openData.page"),
    findOcdsPublisher(),
    findReleaseYears(),
    findExampleOcid(),
  ]);
  const title = (await getTranslations("openData"))("title");
  const example = exampleOcid ?? `${publisher.ocidPrefix ?? "ocds-xxxxxx"}-…`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-slate-700">{t("intro", { lpse: publisher.name })}</p>
      </header>

      <Section id="lisensi" title={t("licenceTitle")}>
        <p className="text-slate-700">
          {t("licence", { lpse: publisher.name })}{" "}
          <a href={OCDS_LICENSE} className="underline" rel="license">
            CC BY 4.0
          </a>
        </p>
      </Section>

      <Section id="prefiks" title={t("prefixTitle")}>
        <p className="text-slate-700" data-testid="ocid-prefix">
          {publisher.ocidPrefix ? t("prefix", { prefix: publisher.ocidPrefix }) : t("prefixNone")}
        </p>
      </Section>

      <Section id="cara-mengambil" title={t("endpointsTitle")}>
        <dl className="space-y-3 text-sm">
          <div>
            <dt>{code("GET /api/ocds/releases/<ocid>")}</dt>
            <dd className="text-slate-700">{t("releases")}</dd>
          </div>
          <div>
            <dt>{code("GET /api/ocds/records/<ocid>")}</dt>
            <dd className="text-slate-700">{t("records")}</dd>
          </div>
          <div>
            <dt>{code("GET /api/ocds/feed?after=<cursor>&limit=<1..1000>")}</dt>
            <dd className="space-y-1 text-slate-700">
              <p>{t("feed", { limit: FEED_LIMIT.default })}</p>
              <p>
                <a href="/api/ocds/feed" className="underline">
                  {t("feedLink")}
                </a>
              </p>
            </dd>
          </div>
          <div>
            <dt>{code("GET /api/ocds/bulk/<year>.jsonl.gz")}</dt>
            <dd className="text-slate-700">{t("bulk")}</dd>
          </div>
        </dl>
      </Section>

      <Section id="contoh" title={t("exampleTitle")}>
        {exampleOcid ? (
          <p className="text-sm">
            <a href={`/api/ocds/records/${encodeURIComponent(exampleOcid)}`} className="underline">
              {code(`/api/ocds/records/${example}`)}
            </a>
          </p>
        ) : (
          <p className="text-sm text-slate-600">{t("exampleNone")}</p>
        )}
      </Section>

      <Section id="unduhan" title={t("bulkTitle")}>
        {years.length === 0 ? (
          <p className="text-sm text-slate-600">{t("bulkNone")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {years.map((year) => (
              <li key={year}>
                <a href={`/api/ocds/bulk/${year}.jsonl.gz`} download={`ocds-${year}.jsonl.gz`} className="underline">
                  {t("bulkYear", { year })}
                </a>{" "}
                {code(`ocds-${year}.jsonl.gz`)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="memeriksa" title={t("validateTitle")}>
        <p className="text-sm text-slate-700">{t("validate")}</p>
      </Section>

      <Section id="ekstensi" title={t("extensionsTitle")}>
        <p className="text-sm text-slate-700">{t("extensions")}</p>
      </Section>

      <Section id="tidak-diterbitkan" title={t("notPublishedTitle")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {(["notPublished1", "notPublished2", "notPublished3", "notPublished4"] as const).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
