import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { isLocale } from "@/i18n/locales";
import { formatInZone, zoneLabel } from "@/lib/time";
import { getStatus, type PortalState } from "@/modules/availability/server/get-status";
import { AvailabilitySection, LedgerSection, RuleSection } from "./status-sections";

// Public, no sign-in, the same for everyone (kept a few seconds by src/server/page-cache.ts),
// server-rendered with no client component of its own: light enough for a slow connection.
// The JSON form is /api/status (docs/decisions/0040).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("availability.status"))("title") };
}

const TONE: Record<PortalState, Tone> = {
  operational: "success",
  maintenance: "info",
  incident: "danger",
  degraded: "warning",
};

export default async function StatusPage() {
  const [t, status, localeValue] = await Promise.all([
    getTranslations("availability.status"),
    getStatus(),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const when = (d: Date) => formatInZone(d, status.timeZone, locale);
  const zone = `${status.timeZone} (${zoneLabel(status.now, status.timeZone)})`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { lpse: status.lpseName, days: status.ledgerDays, zone })}</p>
        <p className="text-lg" data-testid="status-state" data-state={status.state}>
          <Badge tone={TONE[status.state]}>{t(`state.${status.state}`)}</Badge>
        </p>
        <ul className="space-y-1 text-sm text-slate-700">
          {status.degraded.includes("worker") ? (
            <li data-testid="status-degraded" data-check="worker">
              {status.worker.lastBeatAt
                ? t("degraded.worker", { since: when(status.worker.lastBeatAt), seconds: status.worker.staleSeconds })
                : t("degraded.workerNever")}
            </li>
          ) : null}
          {status.degraded.includes("backup") ? (
            <li data-testid="status-degraded" data-check="backup">
              {t("degraded.backup", { hours: status.backup.staleHours ?? 0 })}
            </li>
          ) : null}
        </ul>
        <p className="text-xs text-slate-500">
          <time dateTime={status.now.toISOString()}>{t("generatedAt", { time: when(status.now) })}</time> ·{" "}
          <a href="/api/status" className="underline">
            {t("json")}
          </a>
        </p>
      </header>
      <section aria-labelledby="maintenance" className="space-y-3">
        <h2 id="maintenance" className="text-lg font-semibold">
          {t("maintenanceTitle")}
        </h2>
        {status.maintenance.length === 0 ? (
          <p className="text-sm text-slate-600">{t("maintenanceNone")}</p>
        ) : (
          <ul className="space-y-2">
            {status.maintenance.map((w) => (
              <li
                key={w.id}
                className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
                data-testid="maintenance-window"
              >
                <p className="font-medium">
                  {t("period", { from: when(w.startsAt), until: when(w.endedAt ?? w.endsAt) })}
                  {status.runningMaintenance?.id === w.id ? ` · ${t("running")}` : ""}
                </p>
                <p className="whitespace-pre-line">{w.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <LedgerSection status={status} locale={locale} />
      <AvailabilitySection status={status} locale={locale} />
      <RuleSection status={status} />
    </div>
  );
}
