import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicTenderTable } from "@/modules/tenders/components/public-tender-table";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.tenders");
  return { title: t("title") };
}

/** The full public list; search and filters come later, on this same page. */
export default async function TenderListPage() {
  const [t, { tenders }] = await Promise.all([getTranslations("home.tenders"), findPublicTenders()]);
  return (
    <section aria-labelledby="judul" className="space-y-3">
      <h1 id="judul" className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <PublicTenderTable tenders={tenders} label={t("title")} />
    </section>
  );
}
