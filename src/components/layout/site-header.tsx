import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/modules/auth/components/sign-out-button";
import { countUnread } from "@/modules/notifications/server/count-unread";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { getActor } from "@/server/session";
import { LocaleSwitch } from "./locale-switch";
import { NavLink } from "./nav-link";
import { linksFor } from "./role-links";

export async function SiteHeader() {
  const [t, lpse, actor] = await Promise.all([getTranslations("common"), getLpseProfile(), getActor()]);
  const unread = actor ? await countUnread(actor) : 0;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto flex flex-col text-slate-900 no-underline hover:no-underline">
          <span className="text-lg font-bold leading-tight">{lpse.name}</span>
          <span className="text-xs text-slate-600">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            <li><NavLink href="/">{t("nav.home")}</NavLink></li>
            <li><NavLink href="/tender">{t("nav.tenders")}</NavLink></li>
            <li><NavLink href="/non-tender">{t("nav.nonTender")}</NavLink></li>
            <li><NavLink href="/verifikasi-tanda-terima">{t("nav.verifyReceipt")}</NavLink></li>
            {actor ? <li><NavLink href="/dasbor">{t("nav.dashboard")}</NavLink></li> : null}
            {actor ? (
              <li>
                <NavLink href="/kotak-masuk">
                  {t("nav.inbox")}
                  {unread > 0 ? <span data-testid="unread-count" className="ml-1 rounded-full bg-brand-800 px-1.5 text-xs text-white">{unread}<span className="sr-only"> {t("nav.unread")}</span></span> : null}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {actor ? (
            <>
              <span className="text-slate-700">
                <span className="sr-only">{t("nav.signedInAs")} </span>
                <span className="font-medium">{actor.name}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <NavLink href="/masuk">{t("nav.signIn")}</NavLink>
          )}
          <LocaleSwitch />
        </div>
      </div>
      {actor ? (
        <nav aria-label={t("nav.work")} className="border-t border-slate-100 bg-slate-50">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-1 text-sm">
            {linksFor([...new Set(actor.memberships.map((m) => m.role))]).map((link) => (
              <li key={link.href}><NavLink href={link.href}>{t(`nav.${link.label}`)}</NavLink></li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
