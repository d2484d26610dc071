import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
// the reading use case itself, not the module index: the page must not pull the base backup into the web bundle
import { getBackupOverview } from "@/modules/backup/server/get-backup-overview";
import {
  BackupHealthLine,
  BackupTable,
  DrillHistory,
  DrillSummary,
  RecoveryPoint,
  RequestDrillButton,
} from "@/modules/backup/components";
import { getLpseProfile } from "@/modules/lpse";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backup"))("title") };
}

/** ADMIN_LPSE's view of the backups: the state, the recovery point now, the sets and the drills (decision 0039). */
export default async function BackupPage() {
  const actor = await pageActor("/admin/cadangan");
  const overview = await unlessForbidden(getBackupOverview(actor));
  if (!overview) return <ForbiddenMessage />;
  const [t, localeValue, lpse] = await Promise.all([getTranslations("backup"), getLocale(), getLpseProfile()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const zone = { timeZone: lpse.timeZone, locale };
  const pending = overview.pendingDrill;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <BackupHealthLine health={overview.health} alerts={overview.alerts}>
        {!overview.enabled ? <p className="text-sm">{t("off")}</p> : null}
      </BackupHealthLine>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("recovery.title")}</h2>
        <RecoveryPoint overview={overview} {...zone} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("drill.lastTitle")}</h2>
        {overview.lastDrill ? <DrillSummary drill={overview.lastDrill} {...zone} /> : <p>{t("drill.none")}</p>}
        {pending ? (
          <p className="text-sm" role="status">
            {t(`drill.pending.${pending.status === "RUNNING" ? "RUNNING" : "REQUESTED"}`)}
          </p>
        ) : overview.enabled && overview.status?.managed ? (
          <RequestDrillButton />
        ) : null}
      </Card>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("base.title")}</h2>
        {overview.backups.length ? <BackupTable backups={overview.backups} {...zone} /> : <p>{t("base.none")}</p>}
      </section>
      {overview.drills.length ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("drill.historyTitle")}</h2>
          <DrillHistory drills={overview.drills} {...zone} />
        </section>
      ) : null}
    </div>
  );
}
