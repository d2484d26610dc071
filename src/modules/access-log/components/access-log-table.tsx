import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { AccessEntry } from "../domain/access-entry";

const KNOWN_REASONS = new Set(["badCredentials", "accountDisabled", "ip"]);

/** The sign-in history: a refused try is marked so the owner sees someone trying. */
export async function AccessLogTable(props: { entries: AccessEntry[]; timeZone: string; locale: DisplayLocale }) {
  const t = await getTranslations("accessLog");
  if (props.entries.length === 0) return <EmptyState title={t("signInsEmpty")} />;
  const reason = (value: string | null) =>
    value === null ? null : KNOWN_REASONS.has(value) ? t(`reason.${value}`) : t("reason.other", { reason: value });
  return (
    <Table label={t("signInsTitle")}>
      <thead>
        <tr>
          <Th>{t("time")}</Th>
          <Th>{t("event")}</Th>
          <Th>{t("method")}</Th>
          <Th>{t("secondFactor")}</Th>
          <Th>{t("ip")}</Th>
          <Th>{t("browser")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {props.entries.map((entry) => (
          <tr key={entry.seq} data-testid="access-row" data-kind={entry.kind}>
            <RowHeader className="whitespace-nowrap font-normal">
              <time dateTime={entry.at.toISOString()}>{formatInZone(entry.at, props.timeZone, props.locale)}</time>
            </RowHeader>
            <Td className={entry.kind === "signIn" ? "text-green-800" : "font-medium text-red-800"}>
              {t(`kind.${entry.kind}`)}
              {entry.reason ? <span className="block text-xs text-slate-700">{reason(entry.reason)}</span> : null}
            </Td>
            <Td>{entry.method ? t(`methods.${entry.method}`) : t("unknown")}</Td>
            <Td>{entry.secondFactor ? t(`secondFactors.${entry.secondFactor}`) : t("unknown")}</Td>
            <Td className="font-mono text-xs">{entry.ip ?? t("unknown")}</Td>
            <Td className="text-xs">{entry.browser ?? t("unknown")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
