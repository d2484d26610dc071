import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { RegisterVendorInvite } from "@/modules/vendors/components";
import { PublicTenderTable } from "@/modules/tenders/components/public-tender-table";
import { findPublicTenders } from "@/modules/tenders/server/find-public-tenders";

// The current stage depends on the database clock at the moment of the request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [t, a, lpse, { tenders }] = await Promise.all([
    getTranslations("home"),
    getTranslations("announcement.list"),
    getLpseProfile(),
    findPublicTenders(),
  ]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="tentang" className="rounded-lg bg-brand-900 px-6 py-8 text-white">
        <h1 id="tentang" className="text-2xl font-bold sm:text-3xl">
          {t("hero.title", { lpse: lpse.name })}
        </h1>
        <p className="mt-3 max-w-3xl text-brand-100">{t("hero.body")}</p>
        <ul className="mt-4 grid gap-2 text-sm text-brand-50 sm:grid-cols-3">
          <li>{t("hero.point1")}</li>
          <li>{t("hero.point2")}</li>
          <li>{t("hero.point3")}</li>
        </ul>
      </section>
      <RegisterVendorInvite className="rounded-md border border-slate-200 bg-white p-3 text-sm" />
      <section aria-labelledby="daftar-tender" className="space-y-3">
        <h2 id="daftar-tender" className="text-xl font-semibold">
          {t("list.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("list.note")}</p>
        <PublicTenderTable tenders={tenders} label={t("list.title")} />
        <p>
          <Link href="/tender" prefetch={false}>
            {a("seeAll")} →
          </Link>
        </p>
      </section>
    </div>
  );
}
