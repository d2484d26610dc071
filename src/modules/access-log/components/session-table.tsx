import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { ActiveSession } from "../server/find-active-sessions";
import { EndOtherSessionsButton, EndSessionButton } from "./end-session-buttons";

/** The open sessions; the owner gets a button per row and one for all the others, the Auditor none. */
export async function SessionTable(props: {
  sessions: ActiveSession[];
  timeZone: string;
  locale: DisplayLocale;
  canEnd: boolean;
}) {
  const t = await getTranslations("accessLog");
  if (props.sessions.length === 0) return <EmptyState title={t("sessionsEmpty")} />;
  const at = (date: Date) => (
    <time dateTime={date.toISOString()}>{formatInZone(date, props.timeZone, props.locale)}</time>
  );
  const hasOthers = props.sessions.some((s) => !s.isCurrent);
  return (
    <div className="space-y-3">
      <Table label={t("sessionsTitle")}>
        <thead>
          <tr>
            <Th>{t("browser")}</Th>
            <Th>{t("ip")}</Th>
            <Th>{t("started")}</Th>
            <Th>{t("lastSeen")}</Th>
            {props.canEnd ? <Th>{t("actions.end")}</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.sessions.map((session) => (
            <tr key={session.id} data-testid="session-row">
              <RowHeader>
                {session.browser ?? t("unknown")}
                {session.isCurrent ? (
                  <span className="ml-2 rounded bg-green-100 px-1.5 text-xs text-green-900">{t("thisSession")}</span>
                ) : null}
              </RowHeader>
              <Td className="font-mono text-xs">{session.ip ?? t("unknown")}</Td>
              <Td className="whitespace-nowrap">{at(session.createdAt)}</Td>
              <Td className="whitespace-nowrap">{at(session.lastSeenAt)}</Td>
              {props.canEnd ? <Td>{session.isCurrent ? null : <EndSessionButton sessionId={session.id} />}</Td> : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {props.canEnd && hasOthers ? <EndOtherSessionsButton /> : null}
    </div>
  );
}
