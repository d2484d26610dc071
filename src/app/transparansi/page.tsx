import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { findTreeHeads } from "@/modules/audit/server/find-audit-proofs";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { getInstanceKey } from "@/server/instance-key";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transparency"))("title") };
}

const code = (chunks: ReactNode) => <code className="font-mono text-xs break-all">{chunks}</code>;

/** Public: the audit log's signed tree heads and how anyone can check them. */
export default async function TransparencyPage() {
  const [t, heads, lpse, key, localeValue] = await Promise.all([
    getTranslations("transparency"),
    findTreeHeads(20),
    getLpseProfile(),
    getInstanceKey(),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <section aria-labelledby="kepala" className="space-y-3">
        <h2 id="kepala" className="text-lg font-semibold">
          {t("headsTitle")}
        </h2>
        {heads.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table label={t("headsTitle")}>
            <thead>
              <tr>
                <Th>{t("size")}</Th>
                <Th>{t("time")}</Th>
                <Th>{t("root")}</Th>
                <Th>{t("signature")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {heads.map((head) => (
                <tr key={`${head.treeSize}-${head.timestamp}`} data-testid="tree-head">
                  <RowHeader className="tabular-nums">{head.treeSize}</RowHeader>
                  <Td className="whitespace-nowrap">
                    <time dateTime={head.timestamp}>
                      {formatInZone(new Date(head.timestamp), lpse.timeZone, locale)}
                    </time>
                  </Td>
                  <Td className="font-mono text-xs break-all">{head.rootHash}</Td>
                  <Td className="font-mono text-xs break-all">{head.signature}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="cara" className="space-y-2">
        <h2 id="cara" className="text-lg font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>{t.rich("howSave", { code })}</li>
          <li>
            {t.rich("howKey", {
              code,
              fingerprint: key.fingerprint,
              json: '{"rootHash":"…","timestamp":"…","treeSize":"…"}',
            })}
          </li>
          <li>{t.rich("howConsistency", { code })}</li>
          <li>{t.rich("howInclusion", { code })}</li>
        </ol>
      </section>
    </div>
  );
}
