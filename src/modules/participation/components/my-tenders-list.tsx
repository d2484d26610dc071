import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { findMyTenders } from "../server/find-my-tenders";

/** The tenders the company registered for, each with its bid deadline in the agency's zone. */
export async function MyTendersList({ actor }: { actor: Actor }) {
  const [tenders, t, c, localeValue] = await Promise.all([
    findMyTenders(actor),
    getTranslations("vendors.participation"),
    getTranslations("common"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  if (tenders.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <Table label={t("myTenders")}>
      <thead>
        <tr>
          <Th>{t("code")}</Th>
          <Th>{t("paket")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("deadline")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tenders.map((row) => (
          <tr key={row.tenderId}>
            <RowHeader>
              <Link href={`/tender/${encodeURIComponent(row.code)}`}>{row.code}</Link>
            </RowHeader>
            <Td>
              {row.paketName}
              <span className="block text-xs text-slate-600">{row.agencyName}</span>
            </Td>
            <Td>{c(`tenderStatus.${row.status}`)}</Td>
            <Td className="whitespace-nowrap">
              {row.bidDeadline ? formatInZone(row.bidDeadline, row.timeZone, locale) : "—"}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
