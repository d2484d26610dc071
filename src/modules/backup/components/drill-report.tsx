import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { DisplayLocale } from "@/lib/time";
import { TimeInZone } from "@/modules/clock/components";
import type { DrillRow } from "../server/get-backup-overview";
import { flattenFigures, formatBytes, formatDuration } from "./format";

/** Figures the page knows a word for; any other is shown under its own name (the drill may grow). */
const KNOWN = new Set([
  "tables",
  "rows",
  "files",
  "fileBytes",
  "auditEntries",
  "auditSignedSize",
  "receipts",
  "migration",
  "migrationsBehind",
  "walSegments",
  "walBytes",
  "dataFiles",
  "dataBytes",
  "walCheckMs",
  "restoreMs",
  "verifyMs",
]);

function figureValue(name: string, value: number | string | boolean, locale: DisplayLocale): string {
  if (typeof value !== "number") return String(value);
  if (/bytes$/i.test(name)) return formatBytes(value, locale);
  if (/Ms$/.test(name)) return formatDuration(value, locale);
  return new Intl.NumberFormat(locale).format(value);
}

/** The last drill: when, which set, every figure it checked, and its first failure if any. */
export async function DrillSummary({
  drill,
  timeZone,
  locale,
}: {
  drill: DrillRow;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("backup.drill");
  const figures = flattenFigures(drill.figures ?? {});
  return (
    <div className="space-y-3" data-testid="last-drill">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={drill.status === "PASSED" ? "success" : "danger"}>{t(`status.${drill.status}`)}</Badge>
        {drill.finishedAt ? <TimeInZone at={drill.finishedAt} timeZone={timeZone} locale={locale} /> : null}
        <span>{t("ofSet", { setId: drill.setId ?? "-" })}</span>
        <span>{t(`trigger.${drill.trigger}`)}</span>
        {drill.durationMs !== null ? (
          <span>{t("took", { duration: formatDuration(drill.durationMs, locale) })}</span>
        ) : null}
      </p>
      {drill.failureCheck ? (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" role="alert">
          <span className="font-semibold">{t("firstFailure", { check: drill.failureCheck })}</span>{" "}
          {drill.failureDetail}
        </p>
      ) : null}
      {figures.length > 0 ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map(([name, value]) => (
            <div key={name} className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-600">{KNOWN.has(name) ? t(`figure.${name}`) : name}</dt>
              <dd className="font-semibold tabular-nums break-words" data-figure={name}>
                {figureValue(name, value, locale)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/** Every drill, newest first. */
export async function DrillHistory({
  drills,
  timeZone,
  locale,
}: {
  drills: DrillRow[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("backup.drill");
  return (
    <Table label={t("historyTitle")}>
      <thead>
        <tr>
          <Th>{t("finishedAt")}</Th>
          <Th>{t("set")}</Th>
          <Th>{t("why")}</Th>
          <Th>{t("result")}</Th>
          <Th>{t("duration")}</Th>
          <Th>{t("failure")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {drills.map((d) => (
          <tr key={d.id}>
            <Td>{d.finishedAt ? <TimeInZone at={d.finishedAt} timeZone={timeZone} locale={locale} /> : "-"}</Td>
            <Td className="font-mono">{d.setId ?? "-"}</Td>
            <Td>
              {t(`trigger.${d.trigger}`)}
              {d.requestedBy ? ` (${d.requestedBy})` : ""}
            </Td>
            <Td>
              <Badge tone={d.status === "PASSED" ? "success" : "danger"}>{t(`status.${d.status}`)}</Badge>
            </Td>
            <Td className="tabular-nums">{d.durationMs !== null ? formatDuration(d.durationMs, locale) : "-"}</Td>
            <Td>{d.failureCheck ? `${d.failureCheck}: ${d.failureDetail ?? ""}` : "-"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
