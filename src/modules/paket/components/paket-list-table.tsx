import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import type { MyPaketRow } from "../server/find-my-pakets";

export async function PaketListTable({ pakets }: { pakets: MyPaketRow[] }) {
  const [t, c] = await Promise.all([getTranslations("paket.list"), getTranslations("common")]);
  return (
    <Table label={t("tableLabel")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("rupCode")}</Th>
          <Th>{t("category")}</Th>
          <Th>{t("method")}</Th>
          <Th className="text-right">{t("pagu")}</Th>
          <Th className="text-right">{t("hps")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {pakets.map((paket) => (
          <tr key={paket.id} data-testid="paket-row">
            <RowHeader className="min-w-48">
              <Link href={`/paket/${paket.id}`}>{paket.name}</Link>
            </RowHeader>
            <Td className="font-mono text-xs">{paket.rupCode}</Td>
            <Td>{c(`category.${paket.category}`)}</Td>
            <Td>{paket.method ? c(`method.${paket.method}`) : c("none")}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatRupiah(paket.pagu)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {paket.hps === null ? c("none") : formatRupiah(paket.hps)}
            </Td>
            <Td>
              <Badge>{c(`paketStatus.${paket.status}`)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
