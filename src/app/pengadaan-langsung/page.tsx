import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { findOwnDirectPakets } from "@/modules/direct-procurement/server/find-own-direct-pakets";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.direct"))("title") };
}

export default async function DirectProcurementListPage() {
  const actor = await pageActor("/pengadaan-langsung");
  const pakets = await unlessForbidden(findOwnDirectPakets(actor));
  if (!pakets) return <ForbiddenMessage />;
  const [t, c] = await Promise.all([getTranslations("procurement.direct"), getTranslations("common")]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      {pakets.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("paket")}</Th>
              <Th>{t("rupCode")}</Th>
              <Th>{t("agency")}</Th>
              <Th className="text-right">{t("hps")}</Th>
              <Th>{t("progress")}</Th>
              <Th>{t("vendor")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {pakets.map((p) => (
              <tr key={p.id}>
                <RowHeader className="min-w-56">
                  <Link href={`/pengadaan-langsung/${p.id}`}>{p.name}</Link>
                </RowHeader>
                <Td className="font-mono text-xs">{p.rupCode}</Td>
                <Td>{p.agencyName}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {p.hps === null ? c("none") : formatRupiah(p.hps)}
                </Td>
                <Td>
                  <Badge tone={p.step === "COMPLETED" ? "success" : p.step === "CANCELLED" ? "danger" : "info"}>
                    {p.step ? t(`step.${p.step}`) : t("waitingInvite")}
                  </Badge>
                </Td>
                <Td>{p.vendorName ?? c("none")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
