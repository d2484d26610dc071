import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Stat } from "@/components/ui/card";
import { TenderStatus, VendorStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { BackupCard } from "@/modules/backup/components";
import { getAdminLpseOverview } from "../server/admin-lpse-overview";
import { DashboardSection } from "./dashboard-section";

export async function AdminLpseSection({ actor }: { actor: Actor }) {
  const [overview, t, c] = await Promise.all([
    getAdminLpseOverview(actor),
    getTranslations("dashboard.adminLpse"),
    getTranslations("common"),
  ]);
  return (
    <DashboardSection role="ADMIN_LPSE">
      {/* red while a backup alert is open: the first thing the LPSE's admin sees */}
      <BackupCard actor={actor} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label={t("agencies")} value={overview.agencies} />
        <Stat label={t("users")} value={overview.users} />
        <Stat label={t("disabledUsers")} value={overview.disabledUsers} />
      </dl>
      <h3 className="font-semibold">{t("vendors")}</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {Object.values(VendorStatus).map((status) => (
          <Stat key={status} label={c(`vendorStatus.${status}`)} value={overview.vendorsByStatus[status] ?? 0} />
        ))}
      </dl>
      <h3 className="font-semibold">{t("tenders")}</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {Object.values(TenderStatus).map((status) => (
          <Stat key={status} label={c(`tenderStatus.${status}`)} value={overview.tendersByStatus[status] ?? 0} />
        ))}
      </dl>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/admin/pengguna">{t("manageUsers")}</ButtonLink>
        <ButtonLink href="/audit" variant="secondary">
          {t("openAudit")}
        </ButtonLink>
      </div>
    </DashboardSection>
  );
}
