import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { detailValues } from "../domain/detail-values";
import { findTenderRedFlags } from "../server/find-tender-red-flags";

/**
 * The tender's red flags on its public page, for everyone: each with its figures, what it
 * is and what it is not, and the way to the definitions. Nothing when none is raised.
 */
export async function TenderRedFlags({ tenderId, timeZone }: { tenderId: string; timeZone: string }) {
  const flags = await findTenderRedFlags(tenderId);
  if (!flags.length) return null;
  const [t, localeValue] = await Promise.all([getTranslations("redFlags"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <section aria-labelledby="tanda-bahaya" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="tanda-bahaya" className="font-semibold">
        {t("tender.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("tender.intro")}</p>
      <ul className="space-y-3" data-testid="tender-red-flags">
        {flags.map((f) => (
          <li key={f.code} data-flag={f.code} className="text-sm">
            <p className="font-medium">
              <Link href={`/tanda-bahaya#${f.code}`} prefetch={false}>
                {t(`flags.${f.code}.name`)}
              </Link>
              <span className="font-normal text-slate-600">
                {" "}
                · {t("tender.raisedAt", { at: formatInZone(f.raisedAt, timeZone, locale) })}
              </span>
            </p>
            <p>{t(`flags.${f.code}.detail`, detailValues(f.code, f.detail))}</p>
            <p className="text-slate-700">
              {t("definitions.is")}: {t(`flags.${f.code}.is`)} {t("definitions.isNot")}: {t(`flags.${f.code}.isNot`)}
            </p>
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/tanda-bahaya" prefetch={false}>
          {t("tender.definitionsLink")}
        </Link>
      </p>
    </section>
  );
}
