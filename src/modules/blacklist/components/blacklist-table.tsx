import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatDateInZone } from "@/lib/time";
import type { BlacklistState } from "../domain/in-force";
import type { BlacklistRow } from "../server/find-blacklist";

const TONE: Record<BlacklistState, Tone> = { inForce: "danger", upcoming: "warning", ended: "neutral", lifted: "info" };

/**
 * The entries as the public reads them (server-rendered, no client code): company, masked
 * NPWP, decree and basis, reason, period (the last day counted), who imposed it, state.
 * `action` adds a cell per row (the management page's lift form).
 */
export async function BlacklistTable({
  rows,
  action,
}: {
  rows: BlacklistRow[];
  action?: (row: BlacklistRow) => ReactNode;
}) {
  const [t, localeValue] = await Promise.all([getTranslations("blacklist"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  if (rows.length === 0) return <EmptyState title={t("empty")} />;
  const day = (date: Date, zone: string) => (
    <time dateTime={date.toISOString()}>{formatDateInZone(date, zone, locale)}</time>
  );
  return (
    <Table label={t("table.label")}>
      <thead>
        <tr>
          <Th>{t("table.vendor")}</Th>
          <Th>{t("table.decree")}</Th>
          <Th>{t("table.reason")}</Th>
          <Th>{t("table.period")}</Th>
          <Th>{t("table.imposedBy")}</Th>
          <Th>{t("table.status")}</Th>
          {action ? <Th /> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <RowHeader className="min-w-48">
              {r.vendorName}
              <span className="block font-mono text-xs text-slate-600">{r.npwpMasked}</span>
            </RowHeader>
            <Td className="min-w-48">
              {r.decreeNumber}
              <span className="block text-xs text-slate-600">{r.legalBasis}</span>
            </Td>
            <Td className="min-w-56 whitespace-pre-line">{r.reason}</Td>
            <Td className="whitespace-nowrap">
              {day(r.startsAt, r.timeZone)} {t("table.until")} {day(new Date(r.endsAt.getTime() - 1), r.timeZone)}
            </Td>
            <Td className="min-w-40">{r.agencyName ?? t("table.lpse")}</Td>
            <Td className="min-w-32">
              <Badge tone={TONE[r.state]}>{t(`state.${r.state}`)}</Badge>
              {r.liftedAt ? (
                <span className="mt-1 block text-xs text-slate-700">
                  {t("table.liftedOn", {
                    date: formatDateInZone(r.liftedAt, r.timeZone, locale),
                    reason: r.liftReason ?? "",
                  })}
                </span>
              ) : null}
            </Td>
            {action ? <Td className="min-w-64">{action(r)}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
