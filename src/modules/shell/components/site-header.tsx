import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getLpseProfile, LpseLogo } from "@/modules/lpse";
import { getSessionActor } from "@/server/session";
import { isSharedPage } from "@/server/shared-page";
import { AccountBox, AccountLinks, AccountProvider, RoleNav } from "./account";
import { loadAccountSummary } from "../server/account-summary";
import { LocaleSwitch } from "./locale-switch";
import { MaintenanceBanner } from "./maintenance-banner";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const [t, s, lpse, isShared] = await Promise.all([
    getTranslations("common"),
    getTranslations("search.header"),
    getLpseProfile(),
    isSharedPage(),
  ]);
  // a page shared by every visitor has no session: the browser fills the account part in
  const account = isShared ? undefined : await loadAccountSummary(await getSessionActor());
  return (
    <AccountProvider initial={account}>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          {/* no prefetch, like the nav links: it fetched the home page twice on every first visit (issue 14) */}
          <Link
            href="/"
            prefetch={false}
            className="mr-auto flex items-center gap-3 text-slate-900 no-underline hover:no-underline"
          >
            {/* the name beside it says the same, so the logo is decoration to a screen reader */}
            <LpseLogo url={lpse.logoUrl} alt="" />
            <span className="flex flex-col">
              <span className="text-lg font-bold leading-tight">{lpse.name}</span>
              <span className="text-xs text-slate-600">{t("tagline")}</span>
            </span>
          </Link>
          <nav aria-label={t("nav.label")}>
            <ul className="flex flex-wrap items-center gap-1 text-sm">
              <li>
                <NavLink href="/">{t("nav.home")}</NavLink>
              </li>
              <li>
                <NavLink href="/tender">{t("nav.tenders")}</NavLink>
              </li>
              <li>
                <NavLink href="/non-tender">{t("nav.nonTender")}</NavLink>
              </li>
              <li>
                <NavLink href="/verifikasi-tanda-terima">{t("nav.verifyReceipt")}</NavLink>
              </li>
              <li>
                <NavLink href="/data-terbuka">{t("nav.openData")}</NavLink>
              </li>
              <li>
                <NavLink href="/status">{t("nav.status")}</NavLink>
              </li>
              <AccountLinks />
            </ul>
          </nav>
          {/* a plain GET form to /cari: it works without JavaScript */}
          <form method="get" action="/cari" role="search" className="flex items-center gap-1">
            <label htmlFor="header-q" className="sr-only">
              {s("label")}
            </label>
            <input
              id="header-q"
              name="q"
              type="search"
              maxLength={100}
              placeholder={s("placeholder")}
              className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            />
            <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm">
              {s("submit")}
            </button>
          </form>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <AccountBox />
            <LocaleSwitch />
          </div>
        </div>
        <RoleNav />
      </header>
      <MaintenanceBanner />
    </AccountProvider>
  );
}
