import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { getLpseProfile } from "@/modules/lpse";
import { findVerificationQueue } from "../server/find-verification-queue";
import { DashboardSection } from "./dashboard-section";

export async function VerifikatorSection({ actor }: { actor: Actor }) {
  const [queue, t, lpse, localeValue] = await Promise.all([
    findVerificationQueue(actor),
    getTranslations("dashboard.verifikator"),
    getLpseProfile(),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <DashboardSection role="VERIFIKATOR">
      <p className="text-sm">{t("waiting", { count: queue.total })}</p>
      {queue.vendors.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("label")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("form")}</Th>
              <Th>{t("location")}</Th>
              <Th>{t("registered")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {queue.vendors.map((vendor) => (
              <tr key={vendor.id}>
                <RowHeader>{vendor.name}</RowHeader>
                <Td>{vendor.businessForm}</Td>
                <Td>
                  {vendor.city}, {vendor.province}
                </Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={vendor.createdAt.toISOString()}>
                    {formatInZone(vendor.createdAt, lpse.timeZone, locale)}
                  </time>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </DashboardSection>
  );
}
