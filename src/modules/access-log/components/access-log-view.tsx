import { getLocale, getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { isLocale } from "@/i18n/locales";
import type { AccessLogPage } from "../server/find-access-log";
import type { ActiveSession } from "../server/find-active-sessions";
import { AccessLogTable } from "./access-log-table";
import { SessionTable } from "./session-table";

/** A person's open sessions and sign-in history: the owner's page and the Auditor's view alike. */
export async function AccessLogView(props: {
  log: AccessLogPage;
  sessions: ActiveSession[];
  timeZone: string;
  canEnd: boolean;
  basePath: string;
  query: URLSearchParams;
  isFirstPage: boolean;
}) {
  const [t, localeValue] = await Promise.all([getTranslations("accessLog"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <>
      <section aria-labelledby="sesi" className="space-y-3">
        <h2 id="sesi" className="text-lg font-semibold">
          {t("sessionsTitle")}
        </h2>
        {props.canEnd ? null : <p className="text-sm text-slate-600">{t("auditor.readOnly")}</p>}
        <SessionTable sessions={props.sessions} timeZone={props.timeZone} locale={locale} canEnd={props.canEnd} />
      </section>
      <section aria-labelledby="riwayat" className="space-y-3">
        <h2 id="riwayat" className="text-lg font-semibold">
          {t("signInsTitle")}
        </h2>
        <AccessLogTable entries={props.log.entries} timeZone={props.timeZone} locale={locale} />
        <KeysetPager
          basePath={props.basePath}
          query={props.query}
          olderThan={props.log.olderThan}
          isFirst={props.isFirstPage}
          param="before"
          labels={{ nav: t("pagerLabel"), newest: t("newest"), older: t("older") }}
        />
      </section>
    </>
  );
}
