"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/i18n/locale.actions";
import { LOCALES, type Locale } from "@/i18n/locales";

/** Two buttons, ID and EN; the pressed one is the current language. */
export function LocaleSwitch() {
  const t = useTranslations("common.locale");
  const current = useLocale();
  const [isPending, startTransition] = useTransition();

  const choose = (locale: Locale) =>
    startTransition(async () => {
      await setLocaleAction({ locale });
    });

  return (
    <div
      role="group"
      aria-label={t("label")}
      aria-busy={isPending}
      className="inline-flex overflow-hidden rounded-md border border-slate-300"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          // Not disabled while switching: disabling would drop keyboard focus to the page top.
          onClick={() => !isPending && current !== locale && choose(locale)}
          className="px-2.5 py-1 text-xs font-semibold uppercase aria-pressed:bg-brand-700 aria-pressed:text-white hover:bg-slate-100 aria-pressed:hover:bg-brand-800"
        >
          {/* The visible code stays part of the accessible name (WCAG 2.5.3, label in name). */}
          {locale}
          <span className="sr-only normal-case"> {t(locale)}</span>
        </button>
      ))}
    </div>
  );
}
