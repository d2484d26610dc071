import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { zoneLabel } from "@/lib/time";
import { parseAccessLogQuery } from "@/modules/access-log/access-log.schemas";
import { AccessLogView } from "@/modules/access-log/components/access-log-view";
import { findAccessLog } from "@/modules/access-log/server/find-access-log";
import { findActiveSessions } from "@/modules/access-log/server/find-active-sessions";
import { getLpseProfile } from "@/modules/lpse";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessLog"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Log Akses: the signed-in user's own sign-ins and open sessions, with "end" buttons. */
export default async function AccessLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor("/akun/log-akses");
  const query = parseAccessLogQuery(await searchParams);
  // The reads decide (a session still waiting for its second factor reads nothing).
  const [log, sessions] = await Promise.all([
    unlessForbidden(findAccessLog(actor, { olderThan: query.before })),
    unlessForbidden(findActiveSessions(actor)),
  ]);
  if (!log || !sessions) return <ForbiddenMessage />;
  const [t, lpse] = await Promise.all([getTranslations("accessLog"), getLpseProfile()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { zone: zoneLabel(new Date(0), lpse.timeZone) })}</p>
      </header>
      <AccessLogView
        log={log}
        sessions={sessions}
        timeZone={lpse.timeZone}
        canEnd
        basePath="/akun/log-akses"
        query={new URLSearchParams()}
        isFirstPage={!query.before}
      />
    </div>
  );
}
