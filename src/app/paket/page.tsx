import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { PaketListTable } from "@/modules/paket/components/paket-list-table";
import { findMyPakets } from "@/modules/paket/server/find-my-pakets";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paket.list"))("title") };
}

export default async function PaketListPage() {
  const actor = await pageActor("/paket");
  // The read refuses roles other than PPK; the page only says so.
  const pakets = await unlessForbidden(findMyPakets(actor));
  if (!pakets) return <ForbiddenMessage />;
  const t = await getTranslations("paket.list");
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        <ButtonLink href="/paket/baru">{t("create")}</ButtonLink>
      </header>
      {pakets.length === 0 ? <EmptyState title={t("empty")} /> : <PaketListTable pakets={pakets} />}
    </div>
  );
}
