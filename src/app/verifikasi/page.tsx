import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { companyName } from "@/modules/vendors/domain/company-name";
import { formatNpwp } from "@/modules/vendors/domain/npwp";
import { findPendingVendors } from "@/modules/vendors/server/find-pending-vendors";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.verification"))("title") };
}

/** The Verifikator's queue: the company waiting longest first. */
export default async function VerificationQueuePage() {
  const actor = await pageActor("/verifikasi");
  const queue = await unlessForbidden(findPendingVendors(actor));
  if (!queue) return <ForbiddenMessage />;
  const [t, lpse, localeValue] = await Promise.all([
    getTranslations("vendors.verification"),
    getLpseProfile(),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { count: queue.total })}</p>
      </header>
      {queue.vendors.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("npwp")}</Th>
              <Th>{t("location")}</Th>
              <Th>{t("documents")}</Th>
              <Th>{t("submittedAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {queue.vendors.map((v) => (
              <tr key={v.id}>
                <RowHeader>
                  <Link href={`/verifikasi/${v.id}`}>{companyName(v)}</Link>
                </RowHeader>
                <Td className="whitespace-nowrap tabular-nums">{formatNpwp(v.npwp)}</Td>
                <Td>
                  {v.city}, {v.province}
                </Td>
                <Td className="tabular-nums">{v._count.documents}</Td>
                <Td className="whitespace-nowrap">
                  {v.submittedAt ? formatInZone(v.submittedAt, lpse.timeZone, locale) : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
