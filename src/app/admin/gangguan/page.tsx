import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone, zoneLabel } from "@/lib/time";
import { EndIncidentForm, IncidentForm } from "@/modules/availability/components";
import { durationParts } from "@/modules/availability/domain";
import { findLedgerForAdmin, type LedgerCursor } from "@/modules/availability/server/find-ledger";
import { getLpseProfile } from "@/modules/lpse";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("availability.ledger"))("title") };
}

const PAGE_SIZE = 50;

/** "?sebelum=<ISO time>~<id>": where an older page starts; anything else is the first page. */
function parseCursor(value: string | undefined): LedgerCursor | null {
  const [at, id] = (value ?? "").split("~");
  const startsAt = new Date(at ?? "");
  return id && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(startsAt.getTime()) ? { startsAt, id } : null;
}

/**
 * ADMIN_LPSE's availability ledger (docs/decisions/0040): declare an incident, end one still
 * going on, and read every outage newest first with its cause, scope, period and who declared it.
 */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ sebelum?: string }> }) {
  const actor = await pageActor("/admin/gangguan");
  const after = parseCursor((await searchParams).sebelum);
  const ledger = await unlessForbidden(findLedgerForAdmin(actor, { after, limit: PAGE_SIZE }));
  if (!ledger) return <ForbiddenMessage />;
  const [t, localeValue, lpse] = await Promise.all([
    getTranslations("availability.ledger"),
    getLocale(),
    getLpseProfile(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (date: Date) => formatInZone(date, lpse.timeZone, locale);
  const { gapSeconds } = readAvailabilitySettings();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { gapSeconds })}</p>
      </header>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("declareTitle")}</h2>
        <IncidentForm timeZone={lpse.timeZone} zone={zoneLabel(new Date(), lpse.timeZone)} />
      </Card>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("listTitle")}</h2>
        {ledger.entries.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <Table label={t("listTitle")}>
            <thead>
              <tr>
                <Th>{t("col.cause")}</Th>
                <Th>{t("col.scope")}</Th>
                <Th>{t("col.period")}</Th>
                <Th>{t("col.duration")}</Th>
                <Th>{t("col.declaredBy")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {ledger.entries.map((entry) => {
                const duration = entry.endsAt ? durationParts(entry.startsAt, entry.endsAt) : null;
                return (
                  <tr key={entry.id}>
                    <Td>
                      <p className="font-medium">
                        {t(`cause.${entry.cause}`)}
                        {entry.role ? ` (${t(`role.${entry.role}`)})` : ""}
                      </p>
                      {entry.description ? (
                        <p className="text-sm whitespace-pre-line text-slate-700">{entry.description}</p>
                      ) : null}
                    </Td>
                    <Td>{t(`scope.${entry.scope}`)}</Td>
                    <Td>
                      {entry.endsAt
                        ? t("period", { from: at(entry.startsAt), until: at(entry.endsAt) })
                        : t("since", { from: at(entry.startsAt) })}
                      {!entry.endsAt && entry.cause === "DECLARED" ? (
                        <EndIncidentForm outageId={entry.id} timeZone={lpse.timeZone} />
                      ) : null}
                    </Td>
                    <Td>{duration ? t("duration", duration) : <strong>{t("ongoing")}</strong>}</Td>
                    <Td>{entry.declaredBy ?? t("system")}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {ledger.next ? (
          <Link
            href={`/admin/gangguan?sebelum=${encodeURIComponent(`${ledger.next.startsAt.toISOString()}~${ledger.next.id}`)}`}
            className="text-brand-700 underline"
          >
            {t("older")}
          </Link>
        ) : null}
      </section>
    </div>
  );
}
