import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import type { MethodRuleRow } from "../domain/method-rule-rows";

export async function MethodRuleTable({ rows }: { rows: MethodRuleRow[] }) {
  const [t, c, format] = await Promise.all([getTranslations("paket.rules"), getTranslations("common"), getFormatter()]);
  if (rows.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Table label={t("tableLabel")}>
      <thead>
        <tr>
          <Th>{t("category")}</Th>
          <Th>{t("effectiveFrom")}</Th>
          <Th>{t("method")}</Th>
          <Th className="text-right">{t("limit")}</Th>
          <Th>{t("methodAbove")}</Th>
          <Th>{t("legalBasis")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((rule) => (
          <tr key={rule.id} data-testid="method-rule-row">
            <RowHeader>{c(`category.${rule.category}`)}</RowHeader>
            {/* rules take effect at 00:00 WIB, the zone of the regulations' enactment */}
            <Td className="whitespace-nowrap">
              {format.dateTime(new Date(rule.effectiveFrom), { dateStyle: "long", timeZone: "Asia/Jakarta" })}
            </Td>
            <Td>{c(`method.${rule.method}`)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatRupiah(BigInt(rule.limit))}</Td>
            <Td>{c(`method.${rule.methodAbove}`)}</Td>
            <Td className="min-w-64">{rule.legalBasis}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
