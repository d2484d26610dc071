import { getFormatter, getTranslations } from "next-intl/server";
import type { DisplayLocale } from "@/lib/time";
import { TimeInZone } from "@/modules/clock/components";
import type { BackupOverview } from "../server/get-backup-overview";
import { formatBytes } from "./format";

/**
 * The recovery point now: what a restore would bring back if the server were lost this
 * moment, i.e. the newest archived WAL segment and the last copy of the file store, each with
 * its age; and where the backup lives with its free space.
 */
export async function RecoveryPoint({
  overview,
  timeZone,
  locale,
}: {
  overview: BackupOverview;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const [t, format] = await Promise.all([getTranslations("backup.recovery"), getFormatter()]);
  const { archive, status, now } = overview;
  const at = (date: Date | null) =>
    date ? (
      <>
        <TimeInZone at={date} timeZone={timeZone} locale={locale} />{" "}
        <span className="text-slate-600">({format.relativeTime(date, now)})</span>
      </>
    ) : (
      <span>{t("never")}</span>
    );
  const disk = status?.diskTotalBytes
    ? t("diskFree", {
        free: formatBytes(status.diskFreeBytes ?? 0, locale),
        total: formatBytes(status.diskTotalBytes, locale),
        percent: Math.round(((status.diskFreeBytes ?? 0) / status.diskTotalBytes) * 100),
      })
    : t("diskUnknown");
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      <div>
        <dt className="text-sm text-slate-600">{t("lastArchived")}</dt>
        <dd data-testid="last-archived">
          {at(archive.lastArchivedAt)}
          {archive.lastArchivedWal ? (
            <span className="block font-mono text-xs text-slate-600">{archive.lastArchivedWal}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">{t("lastStoreCopy")}</dt>
        <dd>
          {at(status?.lastStoreCopyAt ?? null)}
          {status?.lastStoreCopyError ? (
            <span className="block text-xs text-red-800">{status.lastStoreCopyError}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">{t("directory")}</dt>
        <dd className="font-mono text-sm break-all">{status?.backupDir ?? "-"}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">{t("disk")}</dt>
        <dd>{disk}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">{t("checkedAt")}</dt>
        <dd>{at(status?.checkedAt ?? null)}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">{t("mode")}</dt>
        <dd>{t(!overview.enabled ? "modeOff" : status?.managed ? "modeManaged" : "modeExternal")}</dd>
      </div>
    </dl>
  );
}
