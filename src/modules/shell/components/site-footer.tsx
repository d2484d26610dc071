import { getTranslations } from "next-intl/server";
import { getLpseProfile } from "@/modules/lpse";

export async function SiteFooter() {
  const [t, lpse] = await Promise.all([getTranslations("common.footer"), getLpseProfile()]);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600">
        <p>{t("about", { lpse: lpse.name })}</p>
        <p>{t("license")}</p>
        <p>
          <a href="/transparansi" className="underline">
            {t("transparency")}
          </a>
        </p>
      </div>
    </footer>
  );
}
