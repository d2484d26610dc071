import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { isLocale } from "@/i18n/locales";
import { zoneLabel } from "@/lib/time";
import { can } from "@/modules/auth/domain";
import { parseAuditFilter, type FilterProblem } from "@/modules/audit/audit.schemas";
import { AuditEventTable } from "@/modules/audit/components/audit-event-table";
import { AuditFilterForm } from "@/modules/audit/components/audit-filter-form";
import { SignTreeHeadButton } from "@/modules/audit/components/sign-tree-head-button";
import { VerifyLogButton } from "@/modules/audit/components/verify-log-button";
import { AUDIT_FILTER_KEYS } from "@/modules/audit/domain/audit-filter";
import { COUNT_LIMIT, findAuditEvents, type AuditPage } from "@/modules/audit/server/find-audit-events";
import { getLpseProfile } from "@/modules/lpse";
import { isAppError } from "@/server/errors";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The trail's page, or the problems the use case found with filters the schema let through (a vague name). */
async function readTrail(
  read: () => Promise<AuditPage>,
): Promise<{ result: AuditPage | null; problems: Record<string, FilterProblem> }> {
  try {
    return { result: await read(), problems: {} };
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    const fields = Object.keys(error.fieldErrors ?? { _form: [] });
    return {
      result: null,
      problems: Object.fromEntries(fields.map((f) => [f, { key: error.messageKey, values: error.values }])),
    };
  }
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor("/audit");
  const raw = await searchParams;
  const parsed = parseAuditFilter(raw);
  const lpse = await getLpseProfile();

  // The read decides who may see the trail; the page only turns its refusal into a message.
  // Filters that are not right search nothing: the form names what to correct.
  const read = await unlessForbidden(
    readTrail(() =>
      findAuditEvents(actor, {
        filter: parsed.ok ? parsed.filter : {},
        olderThan: parsed.ok ? parsed.filter.before : null,
        timeZone: lpse.timeZone,
        pageSize: parsed.ok ? undefined : 1,
      }),
    ),
  );
  if (!read) return <ForbiddenMessage />;
  const problems = { ...(parsed.ok ? {} : parsed.problems), ...read.problems };
  const result = Object.keys(problems).length === 0 ? read.result : null;

  const [t, localeValue] = await Promise.all([getTranslations("dashboard.audit"), getLocale()]);
  const typed = Object.fromEntries(
    AUDIT_FILTER_KEYS.map((key) => [key, typeof raw[key] === "string" ? raw[key] : undefined]),
  );
  const kept = new URLSearchParams();
  if (parsed.ok) for (const key of AUDIT_FILTER_KEYS) if (parsed.filter[key]) kept.set(key, String(parsed.filter[key]));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {can(actor, "accessLog.readAny") ? (
          <Link href="/audit/akses" className="text-sm underline">
            {t("accessLogs")}
          </Link>
        ) : null}
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
        <AuditFilterForm values={typed} problems={problems} zone={zoneLabel(new Date(0), lpse.timeZone)} />
        {parsed.ok && result ? (
          <>
            <p className="text-sm text-slate-700" data-testid="audit-count">
              {result.unknown
                ? t(result.unknown === "tender" ? "unknownTender" : "unknownActor")
                : result.total === null
                  ? t("countMore", { limit: COUNT_LIMIT.toLocaleString(localeValue === "en" ? "en-GB" : "id-ID") })
                  : t("count", { total: result.total })}
            </p>
            <AuditEventTable
              events={result.events}
              timeZone={lpse.timeZone}
              locale={isLocale(localeValue) ? localeValue : "id"}
              label={t("eventsTitle")}
            />
            <KeysetPager
              basePath="/audit"
              query={kept}
              olderThan={result.olderThan}
              isFirst={!parsed.filter.before}
              param="before"
              labels={{ nav: t("pagerLabel"), newest: t("newest"), older: t("older") }}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
