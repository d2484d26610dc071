import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, type DisplayLocale } from "@/lib/time";
import type { ContractTerminView } from "./execution-panel";

/** The payment plan: each termin's share, amount and due day. */
export async function ContractTermins({
  termins,
  timeZone,
  locale,
}: {
  termins: Pick<ContractTerminView, "id" | "position" | "description" | "percentBp" | "amount" | "dueOn">[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("contracts.termins");
  return (
    <Card className="space-y-3">
      <h2 className="font-semibold">{t("title")}</h2>
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("position")}</Th>
            <Th>{t("description")}</Th>
            <Th className="text-right">{t("percent")}</Th>
            <Th className="text-right">{t("amount")}</Th>
            <Th>{t("dueOn")}</Th>
          </tr>
        </thead>
        <tbody>
          {termins.map((termin) => (
            <tr key={termin.id}>
              <Td>{termin.position}</Td>
              <Td>{termin.description}</Td>
              <Td className="text-right tabular-nums">{(termin.percentBp / 100).toLocaleString(locale)}%</Td>
              <Td className="text-right tabular-nums">{formatRupiah(termin.amount)}</Td>
              <Td>{termin.dueOn ? formatDateInZone(termin.dueOn, timeZone, locale) : "–"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/** The signed contract's and the SPMK's PDFs. */
export async function ContractDocuments({
  documents,
}: {
  documents: { id: string; kind: string; fileName: string }[];
}) {
  if (!documents.length) return null;
  const t = await getTranslations("contracts.page");
  return (
    <Card className="space-y-2">
      <h2 className="font-semibold">{t("documents")}</h2>
      {/* links alone on their lines: each a 24 px target, apart (WCAG 2.2 target size) */}
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={`/api/documents/${d.id}`} className="inline-block py-0.5">
              {d.fileName}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
