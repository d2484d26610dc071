import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { AuditEventDetail as Detail } from "../server/get-audit-event";

const audit = (query: Record<string, string>) => `/audit?${new URLSearchParams(query).toString()}`;

/** Every field of one event, its MAC checked now, its place in the transparency log and where it leads. */
export async function AuditEventDetail(props: {
  event: Detail;
  timeZone: string;
  locale: DisplayLocale;
  canReadAccessLogs: boolean;
}) {
  const t = await getTranslations("dashboard.audit.detail");
  const { event } = props;
  const row = (label: string, value: ReactNode) => (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{value ?? t("none")}</dd>
    </div>
  );
  const mono = (value: string | null) => (value === null ? null : <span className="font-mono text-xs">{value}</span>);
  return (
    <div className="space-y-6">
      <section aria-labelledby="isi" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="isi" className="font-semibold">
          {t("fields")}
        </h2>
        <dl className="divide-y divide-slate-100">
          {row(t("seq"), mono(`#${event.seq}`))}
          {row(
            t("time"),
            <time dateTime={event.occurredAt.toISOString()}>
              {formatInZone(event.occurredAt, props.timeZone, props.locale, { seconds: "always" })}
            </time>,
          )}
          {row(
            t("actor"),
            event.actorId
              ? `${event.actorLabel}${event.actorEmail ? ` <${event.actorEmail}>` : ""}`
              : `${event.actorLabel} · ${t("system")}`,
          )}
          {row(t("actorId"), mono(event.actorId))}
          {row(t("action"), mono(event.action))}
          {row(
            t("entity"),
            <>
              {event.entityType} {mono(event.entityId)}
            </>,
          )}
          {row(t("ip"), event.isWithheld ? t("withheld") : mono(event.ip))}
          {row(t("userAgent"), event.isWithheld ? t("withheld") : event.userAgent)}
          {row(
            t("data"),
            event.isWithheld ? (
              t("withheld")
            ) : (
              <pre data-testid="event-data" className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                {JSON.stringify(event.data, null, 2)}
              </pre>
            ),
          )}
          {row(
            t("mac"),
            <>
              {mono(event.macHex)}
              <span className={`block ${event.isMacValid ? "text-green-800" : "font-semibold text-red-800"}`}>
                {event.isMacValid ? t("macValid") : t("macInvalid")}
              </span>
            </>,
          )}
        </dl>
      </section>
      <section aria-labelledby="log" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="log" className="font-semibold">
          {t("log")}
        </h2>
        {event.log ? (
          <>
            <p className="text-sm" data-testid="log-status">
              {t("logIndex", { index: event.log.logIndex, leaf: event.log.leafHash.slice(0, 16) })}{" "}
              {event.log.coveredBySignedHead ? t("covered", { size: event.log.coveredBySignedHead }) : t("notCovered")}
            </p>
            <a href={`/api/audit-log/inclusion/${event.seq}`} className="text-sm underline">
              {t("proof")}
            </a>
          </>
        ) : (
          <p className="text-sm" data-testid="log-status">
            {t("pendingLog")}
          </p>
        )}
      </section>
      <section aria-labelledby="terkait" className="space-y-2">
        <h2 id="terkait" className="font-semibold">
          {t("links")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {event.tenderCode ? (
            <>
              <li>
                <Link href={`/tender/${encodeURIComponent(event.tenderCode)}`} className="underline">
                  {t("tender", { code: event.tenderCode })}
                </Link>
              </li>
              <li>
                <Link href={audit({ tender: event.tenderCode })} className="underline">
                  {t("tenderEvents", { code: event.tenderCode })}
                </Link>
              </li>
            </>
          ) : null}
          <li>
            <Link href={audit({ entityType: event.entityType, entityId: event.entityId })} className="underline">
              {t("entityEvents")}
            </Link>
          </li>
          {event.actorEmail ? (
            <li>
              <Link href={audit({ actor: event.actorEmail })} className="underline">
                {t("actorEvents")}
              </Link>
            </li>
          ) : null}
          {event.entityType === "User" && props.canReadAccessLogs ? (
            <li>
              <Link href={`/audit/akses?user=${event.entityId}`} className="underline">
                {t("accessLog")}
              </Link>
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
