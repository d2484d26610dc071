import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { findPokjaTenders } from "../server/find-pokja-tenders";
import { DashboardSection } from "./dashboard-section";

export async function PokjaSection({ actor }: { actor: Actor }) {
  const [tenders, t, c, localeValue] = await Promise.all([
    findPokjaTenders(actor),
    getTranslations("dashboard.pokja"),
    getTranslations("common"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <DashboardSection role="POKJA">
      {tenders.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("label")}>
          <thead>
            <tr>
              <Th>{t("code")}</Th>
              <Th>{t("paket")}</Th>
              <Th>{t("pokja")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("stage")}</Th>
              <Th>{t("deadline")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tenders.map((tender) => (
              <tr key={tender.id}>
                <RowHeader className="font-mono text-xs whitespace-nowrap">
                  <Link href={`/pokja/tender/${tender.id}`}>{tender.code}</Link>
                </RowHeader>
                <Td className="min-w-48">{tender.paketName}</Td>
                <Td>{tender.pokjaName}</Td>
                <Td>
                  <Badge>{c(`tenderStatus.${tender.status}`)}</Badge>
                </Td>
                <Td>
                  {tender.currentStage ? <Badge tone="info">{c(`stage.${tender.currentStage}`)}</Badge> : c("none")}
                </Td>
                <Td className="whitespace-nowrap">
                  {tender.bidDeadline ? (
                    <time dateTime={tender.bidDeadline.toISOString()}>
                      {formatInZone(tender.bidDeadline, tender.agencyTimeZone, locale)}
                    </time>
                  ) : (
                    c("none")
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </DashboardSection>
  );
}
