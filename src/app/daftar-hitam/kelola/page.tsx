import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { Pagination } from "@/components/ui/pagination";
import { parsePageNumber } from "@/lib/page-number";
import { AddBlacklistEntryForm, BlacklistTable, LiftBlacklistEntryForm } from "@/modules/blacklist/components";
import { getBlacklistDesk } from "@/modules/blacklist/server/get-blacklist-desk";
import { pageActor, unlessForbidden } from "@/server/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blacklist.manage"))("title") };
}

/** Verifikator and PA/KPA: enter a sanction, lift one early. The use cases decide who may do what. */
export default async function ManageBlacklistPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await pageActor("/daftar-hitam/kelola");
  const { page } = await searchParams;
  const [desk, t] = await Promise.all([
    unlessForbidden(getBlacklistDesk(actor, { page: parsePageNumber(page) })),
    getTranslations("blacklist.manage"),
  ]);
  if (!desk) return <ForbiddenMessage />;
  const liftable = new Set(desk.liftable);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Link href="/daftar-hitam" className="text-sm underline">
          {t("publicLink")}
        </Link>
      </header>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("addTitle")}</h2>
        <AddBlacklistEntryForm agencies={desk.agencies} />
      </Card>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("listTitle")}</h2>
        <BlacklistTable
          rows={desk.list.rows}
          action={(row) => (liftable.has(row.id) ? <LiftBlacklistEntryForm entryId={row.id} /> : null)}
        />
        <Pagination basePath="/daftar-hitam/kelola" page={desk.list.page} pageCount={desk.list.pageCount} />
      </section>
    </div>
  );
}
