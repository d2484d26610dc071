import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { isLocale } from "@/i18n/locales";
import { AuditEventTable } from "@/modules/audit/components";
import { findAuditEvents } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { getLpseProfile } from "@/modules/lpse";
import { DashboardSection } from "./dashboard-section";

export async function AuditorSection({ actor }: { actor: Actor }) {
  const [latest, t, lpse, localeValue] = await Promise.all([
    findAuditEvents(actor, { pageSize: 10 }),
    getTranslations("dashboard.audit"),
    getLpseProfile(),
    getLocale(),
  ]);
  return (
    <DashboardSection role="AUDITOR">
      <AuditEventTable
        events={latest.events}
        timeZone={lpse.timeZone}
        locale={isLocale(localeValue) ? localeValue : "id"}
        label={t("latest")}
      />
      <ButtonLink href="/audit">{t("openAll")}</ButtonLink>
    </DashboardSection>
  );
}
