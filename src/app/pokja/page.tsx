import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { hasRole } from "@/modules/auth/domain/permissions";
import { findPokjaTenders } from "@/modules/tenders/server/find-pokja-tenders";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tender.pokja"))("title") };
}

export default async function PokjaTendersPage() {
  const actor = await pageActor("/pokja");
  if (!hasRole(actor, "POKJA")) return <ForbiddenMessage />;
  const [tenders, t, c] = await Promise.all([
    findPokjaTenders(actor),
    getTranslations("tender"),
    getTranslations("common"),
  ]);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("pokja.title")}</h1>
        <p className="text-slate-700">{t("pokja.intro")}</p>
      </header>
      {tenders.length === 0 ? (
        <EmptyState title={t("pokja.empty")} />
      ) : (
        <Table label={t("pokja.label")}>
          <thead>
            <tr>
              <Th>{t("pokja.code")}</Th>
              <Th>{t("pokja.paket")}</Th>
              <Th>{t("pokja.hps")}</Th>
              <Th>{t("pokja.status")}</Th>
              <Th>{t("pokja.stage")}</Th>
              <Th>{t("pokja.action")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tenders.map((tender) => (
              <tr key={tender.id}>
                <RowHeader className="font-mono text-xs whitespace-nowrap">{tender.code}</RowHeader>
                <Td className="min-w-48">
                  {tender.paketName}
                  <div className="text-xs text-slate-600">{tender.pokjaName}</div>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {tender.hps === null ? c("none") : formatRupiah(tender.hps)}
                </Td>
                <Td>
                  <Badge tone={tender.status === "DRAFT" ? "warning" : "info"}>
                    {c(`tenderStatus.${tender.status}`)}
                  </Badge>
                </Td>
                <Td>{tender.currentStage ? t(`stage.${tender.currentStage}`) : c("none")}</Td>
                <Td>
                  <Link href={`/pokja/tender/${tender.id}`} aria-label={t("pokja.openLabel", { code: tender.code })}>
                    {tender.status === "DRAFT" ? t("pokja.prepare") : t("pokja.open")}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
