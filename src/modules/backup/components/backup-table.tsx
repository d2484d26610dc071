import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { DisplayLocale } from "@/lib/time";
import { TimeInZone } from "@/modules/clock/components";
import type { BackupRunStatus } from "../domain/records";
import type { BackupRunRow } from "../server/get-backup-overview";
import { formatBytes, formatDuration } from "./format";

const TONES: Record<BackupRunStatus, Tone> = {
  RUNNING: "info",
  COMPLETE: "success",
  FAILED: "danger",
  EXPIRED: "neutral",
};

/** The base backups, newest first: time, size, files, duration, status (and why one failed). */
export async function BackupTable({
  backups,
  timeZone,
  locale,
}: {
  backups: BackupRunRow[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("backup.base");
  const number = new Intl.NumberFormat(locale);
  return (
    <Table label={t("title")}>
      <thead>
        <tr>
          <Th>{t("startedAt")}</Th>
          <Th>{t("set")}</Th>
          <Th>{t("size")}</Th>
          <Th>{t("files")}</Th>
          <Th>{t("duration")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {backups.map((b) => (
          <tr key={b.id}>
            <Td>
              <TimeInZone at={b.startedAt} timeZone={timeZone} locale={locale} />
            </Td>
            <Td className="font-mono">{b.id}</Td>
            <Td className="tabular-nums">{b.sizeBytes !== null ? formatBytes(b.sizeBytes, locale) : "-"}</Td>
            <Td className="tabular-nums">
              {b.dataFiles !== null
                ? t("fileCounts", { data: number.format(b.dataFiles), store: number.format(b.storeObjects ?? 0) })
                : "-"}
            </Td>
            <Td className="tabular-nums">{b.durationMs !== null ? formatDuration(b.durationMs, locale) : "-"}</Td>
            <Td>
              <Badge tone={TONES[b.status]}>{t(`statusValue.${b.status}`)}</Badge>
              {b.error ? <p className="mt-1 text-xs text-red-800">{b.error}</p> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
