import { getTranslations } from "next-intl/server";
import { getLpseProfile, type LpseProfile } from "@/modules/lpse";

export async function SiteFooter() {
  const [t, blacklist, lpse] = await Promise.all([
    getTranslations("common.footer"),
    getTranslations("blacklist"),
    getLpseProfile(),
  ]);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600">
        <p>{t("about", { lpse: lpse.name })}</p>
        <LpseContact lpse={lpse} />
        <p>{t("license")}</p>
        <p>
          <a href="/transparansi" className="underline">
            {t("transparency")}
          </a>
        </p>
        <p>
          <a href="/status" className="underline" data-testid="footer-status-link">
            {t("status")}
          </a>
        </p>
        <p>
          <a href="/daftar-hitam" className="underline">
            {blacklist("footerLink")}
          </a>
        </p>
      </div>
    </footer>
  );
}

/** The LPSE's address and contact from its profile (/admin/profil), where a visitor looks for them. */
function LpseContact({ lpse }: { lpse: LpseProfile }) {
  const contact = [lpse.phone, lpse.contactEmail].filter(Boolean).join(" · ");
  if (!lpse.address && !contact && !lpse.website) return null;
  return (
    <address className="not-italic" data-testid="lpse-contact">
      {lpse.address ? <span className="block whitespace-pre-line">{lpse.address}</span> : null}
      {contact ? <span className="block">{contact}</span> : null}
      {lpse.website ? (
        <a href={lpse.website} className="underline" rel="noopener">
          {lpse.website}
        </a>
      ) : null}
    </address>
  );
}
