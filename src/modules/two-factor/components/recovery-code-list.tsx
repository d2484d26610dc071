"use client";

import { useTranslations } from "next-intl";

/** The recovery codes, shown once right after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useTranslations("security.enrol");
  return (
    <section className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4" aria-labelledby="recovery-codes">
      <h2 id="recovery-codes" className="text-lg font-semibold">
        {t("codesTitle")}
      </h2>
      <p className="text-sm text-slate-800">{t("codesIntro")}</p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono text-base">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
