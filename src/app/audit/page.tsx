import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { Pagination } from "@/components/ui/pagination";
import { isLocale } from "@/i18n/locales";
import { parsePageNumber } from "@/lib/page-number";
import { AuditEventTable } from "@/modules/audit/components/audit-event-table";
import { SignTreeHeadButton } from "@/modules/audit/components/sign-tree-head-button";
import { VerifyLogButton } from "@/modules/audit/components/verify-log-button";
import { findAuditEvents } from "@/modules/audit/server/find-audit-events";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const actor = await pageActor("/audit");
  const page = parsePageNumber((await searchParams).page);

  // The read decides who may see the trail; the page only turns its refusal into a message.
  const result = await unlessForbidden(findAuditEvents(actor, { page }));
  if (!result) return <ForbiddenMessage />;

  const [t, lpse, localeValue] = await Promise.all([getTranslations("dashboard.audit"), getLpseProfile(), getLocale()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { total: result.total })}</p>
      </header>
      <section aria-labelledby="periksa" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="periksa" className="font-semibold">
          {t("verifyTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("verifyBody")}</p>
        <VerifyLogButton />
      </section>
      <section aria-labelledby="kepala" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="kepala" className="font-semibold">
          {t("headsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("headsBody")}</p>
        <SignTreeHeadButton />
        <a href="/transparansi" className="text-sm underline">
          {t("transparencyLink")}
        </a>
      </section>
      <section aria-labelledby="peristiwa" className="space-y-3">
        <h2 id="peristiwa" className="text-lg font-semibold">
          {t("eventsTitle")}
        </h2>
        <AuditEventTable
          events={result.events}
          timeZone={lpse.timeZone}
          locale={isLocale(localeValue) ? localeValue : "id"}
          label={t("eventsTitle")}
        />
        <Pagination basePath="/audit" page={result.page} pageCount={result.pageCount} />
      </section>
    </div>
  );
}
