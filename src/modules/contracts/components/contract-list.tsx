import { getTranslations } from "next-intl/server";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, type DisplayLocale } from "@/lib/time";
import type { ContractStatus } from "../domain";
import { ContractStatusBadge } from "./contract-details";

export interface ContractRow {
  id: string;
  number: string;
  status: ContractStatus;
  value: bigint;
  endsOn: Date;
  vendor: { name: string };
  tender: { code: string; paket: { name: string; agency: { timeZone: string } } };
}

/** Contracts as a table, each linking to its page under `basePath`. */
export async function ContractList({
  rows,
  basePath,
  locale,
}: {
  rows: ContractRow[];
  basePath: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("contracts.list");
  if (!rows.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <Table label={t("title")}>
      <thead>
        <tr>
          <Th>{t("number")}</Th>
          <Th>{t("paket")}</Th>
          <Th>{t("vendor")}</Th>
          <Th className="text-right">{t("value")}</Th>
          <Th>{t("endsOn")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <RowHeader>
              <a href={`${basePath}/${c.id}`}>{c.number}</a>
            </RowHeader>
            <Td>{c.tender.paket.name}</Td>
            <Td>{c.vendor.name}</Td>
            <Td className="text-right tabular-nums">{formatRupiah(c.value)}</Td>
            <Td>{formatDateInZone(c.endsOn, c.tender.paket.agency.timeZone, locale)}</Td>
            <Td>
              <ContractStatusBadge status={c.status} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
