import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import type { PaketRow } from "../server/find-agency-pakets";

export async function PaketTable({ pakets, label, empty }: { pakets: PaketRow[]; label: string; empty: string }) {
  const [t, c] = await Promise.all([getTranslations("dashboard.paket"), getTranslations("common")]);
  if (pakets.length === 0) return <EmptyState title={empty} />;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("rupCode")}</Th>
          <Th>{t("agency")}</Th>
          <Th>{t("method")}</Th>
          <Th>{t("status")}</Th>
          <Th className="text-right">{t("pagu")}</Th>
          <Th className="text-right">{t("hps")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {pakets.map((paket) => (
          <tr key={paket.id}>
            <RowHeader className="min-w-48">{paket.name}</RowHeader>
            <Td className="font-mono text-xs">{paket.rupCode}</Td>
            <Td>{paket.agencyName}</Td>
            <Td>{paket.method ? c(`method.${paket.method}`) : c("none")}</Td>
            <Td>
              <Badge>{c(`paketStatus.${paket.status}`)}</Badge>
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatRupiah(paket.pagu)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {paket.hps === null ? c("none") : formatRupiah(paket.hps)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
