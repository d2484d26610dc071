"use client";

import { useTranslations } from "next-intl";
import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AccountSummary } from "../server/account-summary";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { clearSignedInHint, hasSignedInHint } from "./signed-in-hint";

/** undefined while the browser is still asking; null when nobody is signed in. */
const AccountContext = createContext<AccountSummary | null | undefined>(undefined);

/**
 * The header's account part. A page rendered for this visitor passes `initial`; a page
 * shared by every visitor (docs/decisions/0016) has no session to read, so the browser
 * asks /api/me once when the page loads, if this browser has signed in (signed-in-hint.ts).
 */
export function AccountProvider({ initial, children }: { initial?: AccountSummary | null; children: ReactNode }) {
  const [fetched, setFetched] = useState<AccountSummary | null | undefined>(undefined);
  const isHydrated = useHydrated();
  // nobody signed in on this browser (as far as it knows): nothing to ask for
  const asks = initial === undefined && isHydrated && hasSignedInHint();
  useEffect(() => {
    if (!asks) return;
    let isCurrent = true;
    fetch("/api/me", { cache: "no-store" })
      .then(async (response) =>
        response.ok ? ((await response.json()) as { account: AccountSummary | null }).account : undefined,
      )
      .catch(() => undefined)
      .then((account) => {
        if (!isCurrent) return;
        // a session that ended (expired, revoked elsewhere) stops the asking; a failed request does not
        if (account === null) clearSignedInHint();
        setFetched(account ?? null);
      });
    return () => {
      isCurrent = false;
    };
  }, [asks]);
  const account = initial !== undefined ? initial : !isHydrated ? undefined : asks ? fetched : null;
  return <AccountContext value={account}>{children}</AccountContext>;
}

/** Dashboard and inbox, beside the public links. */
export function AccountLinks() {
  const t = useTranslations("common.nav");
  const account = use(AccountContext);
  if (!account) return null;
  return (
    <>
      <li>
        <NavLink href="/dasbor">{t("dashboard")}</NavLink>
      </li>
      <li>
        <NavLink href="/kotak-masuk">
          {t("inbox")}
          {account.unread > 0 ? (
            <span data-testid="unread-count" className="ml-1 rounded-full bg-brand-800 px-1.5 text-xs text-white">
              {account.unread}
              <span className="sr-only"> {t("unread")}</span>
            </span>
          ) : null}
        </NavLink>
      </li>
    </>
  );
}

/** The signed-in name and sign-out, or the sign-in link; nothing while still asking. */
export function AccountBox() {
  const t = useTranslations("common.nav");
  const account = use(AccountContext);
  if (account === undefined) {
    return (
      <noscript>
        <NavLink href="/masuk">{t("signIn")}</NavLink>
      </noscript>
    );
  }
  if (account === null) return <NavLink href="/masuk">{t("signIn")}</NavLink>;
  return (
    <>
      <span className="text-slate-700">
        <span className="sr-only">{t("signedInAs")} </span>
        <span className="font-medium">{account.name}</span>
      </span>
      <NavLink href="/akun/kata-sandi">{t("password")}</NavLink>
      <NavLink href="/akun/log-akses">{t("accessLog")}</NavLink>
      <NavLink href="/akun/dua-faktor">{t("twoFactor")}</NavLink>
      <SignOutButton />
    </>
  );
}

/** The second row: where each of the user's roles works. */
export function RoleNav() {
  const t = useTranslations("common.nav");
  const account = use(AccountContext);
  if (!account) return null;
  return (
    <nav aria-label={t("work")} className="border-t border-slate-100 bg-slate-50">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-1 text-sm">
        {account.links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href}>{t(link.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
