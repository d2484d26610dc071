import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/modules/shell/components/site-footer";
import { SiteHeader } from "@/modules/shell/components/site-header";
import { SEGEL_MARK_URL } from "@/modules/shell/components/segel-mark";
import { ClientMessages } from "@/i18n/client-messages-provider";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, lpse] = await Promise.all([getTranslations("common"), getLpseProfile()]);
  return {
    title: { default: lpse.name, template: `%s · ${lpse.name}` },
    description: t("tagline"),
    icons: { icon: SEGEL_MARK_URL },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        {/* The layout's own client parts get their messages; each route folder adds its own. */}
        <ClientMessages>
          <a
            href="#konten"
            className="sr-only z-50 rounded bg-white px-4 py-2 font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader />
          {/* tabIndex -1 so the skip link moves keyboard focus, not only the scroll position. */}
          <main id="konten" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
