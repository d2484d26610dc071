import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { parseAccessLogQuery } from "@/modules/access-log/access-log.schemas";
import { AccessLogView } from "@/modules/access-log/components/access-log-view";
import { findAccessLog } from "@/modules/access-log/server/find-access-log";
import { findActiveSessions } from "@/modules/access-log/server/find-active-sessions";
import { findPeopleForAccessLog } from "@/modules/access-log/server/find-people";
import { getLpseProfile } from "@/modules/lpse";
import { orNotFound, pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessLog.auditor"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELD = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** The Auditor's view of anyone's access log: find the person, then read (not end) their sessions. */
export default async function AuditAccessLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor("/audit/akses");
  const raw = await searchParams;
  const query = parseAccessLogQuery(raw);
  const typed = typeof raw.q === "string" ? raw.q : "";
  // Asked even with nothing typed: the use case decides who may see this page at all.
  // A search the schema dropped (too short, too long) is told.
  const people = await unlessForbidden(findPeopleForAccessLog(actor, query.q ?? ""));
  const chosen = query.user
    ? await unlessForbidden(
        orNotFound(
          Promise.all([
            findAccessLog(actor, { userId: query.user, olderThan: query.before }),
            findActiveSessions(actor, { userId: query.user }),
          ]),
        ),
      )
    : undefined;
  if (people === null || chosen === null) return <ForbiddenMessage />;
  const [t, lpse] = await Promise.all([getTranslations("accessLog.auditor"), getLpseProfile()]);
  const badQuery = typed.trim() !== "" && !query.q;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <form method="get" action="/audit/akses" className="flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="q" className="block text-sm font-medium">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={typed.slice(0, 100)}
            maxLength={100}
            aria-invalid={badQuery || undefined}
            aria-describedby="q-hint"
            className={FIELD}
          />
          <p id="q-hint" className={badQuery ? "text-xs text-red-800" : "text-xs text-slate-600"}>
            {badQuery ? t("badQuery") : t("searchHint")}
          </p>
        </div>
        <Button type="submit">{t("find")}</Button>
      </form>
      {query.q ? (
        <section aria-labelledby="hasil" className="space-y-2">
          <h2 id="hasil" className="font-semibold">
            {t("results")}
          </h2>
          {people.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noMatch")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {people.map((person) => (
                <li key={person.id}>
                  <Link href={`/audit/akses?user=${person.id}`} className="underline">
                    {person.name}
                  </Link>{" "}
                  <span className="text-slate-600">{person.email}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {chosen ? (
        <>
          <h2 className="text-xl font-semibold">
            {t("viewing", { name: chosen[0].owner.name, email: chosen[0].owner.email })}
          </h2>
          <AccessLogView
            log={chosen[0]}
            sessions={chosen[1]}
            timeZone={lpse.timeZone}
            canEnd={false}
            basePath="/audit/akses"
            query={new URLSearchParams({ user: chosen[0].owner.id })}
            isFirstPage={!query.before}
          />
        </>
      ) : null}
    </div>
  );
}
