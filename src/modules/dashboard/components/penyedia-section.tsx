import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import type { VendorStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { PublicTenderTable } from "@/modules/tenders/components";
import { getVendorOverview } from "../server/get-vendor-overview";
import { DashboardSection } from "./dashboard-section";

const STATUS_TONE: Record<VendorStatus, Tone> = { PENDING: "warning", VERIFIED: "success", REJECTED: "danger" };

export async function PenyediaSection({ actor }: { actor: Actor }) {
  const [overview, t, c] = await Promise.all([
    getVendorOverview(actor),
    getTranslations("dashboard.penyedia"),
    getTranslations("common"),
  ]);
  const { company } = overview;
  return (
    <DashboardSection role="PENYEDIA">
      {company ? (
        <div className="rounded-md border border-slate-200 p-3">
          <h3 className="font-semibold">{t("company")}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <span>{company.name}</span>
            <Badge tone={STATUS_TONE[company.status]}>{c(`vendorStatus.${company.status}`)}</Badge>
          </p>
          {company.status === "PENDING" ? <p className="mt-1 text-sm text-slate-600">{t("pendingNote")}</p> : null}
          {company.status === "REJECTED" && company.rejectionReason ? (
            <p className="mt-1 text-sm text-slate-700">{t("rejected", { reason: company.rejectionReason })}</p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("noCompany")}</p>
      )}
      <h3 className="font-semibold">{t("openTitle")}</h3>
      <PublicTenderTable tenders={overview.openTenders} label={t("openTitle")} emptyTitle={t("openEmpty")} />
    </DashboardSection>
  );
}
