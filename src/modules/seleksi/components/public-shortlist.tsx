import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { findPublicShortlist } from "../server/find-public-shortlist";

/**
 * The shortlist of the round in force, once announced, on the tender's public page
 * (Perlem LKPP 12/2021 Lampiran II: the prakualifikasi result is announced). Names only;
 * scores and reasons stay with the applicants and the Pokja. Before it, the way to apply;
 * nothing for tenders without prakualifikasi.
 */
export async function PublicShortlist({ tenderId, timeZone }: { tenderId: string; timeZone: string }) {
  const shortlist = await findPublicShortlist(tenderId);
  if (!shortlist) return null;
  const [t, localeValue] = await Promise.all([getTranslations("seleksi.public"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const link = (
    <Link href={`/penyedia/tender/${tenderId}/prakualifikasi`} className="text-sm underline">
      {t("apply")}
    </Link>
  );
  if (!shortlist.announcedAt) return <p>{link}</p>;
  return (
    <section aria-labelledby="shortlist-heading" className="space-y-2">
      <h2 id="shortlist-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p>{link}</p>
      <p className="text-sm text-slate-700">
        {t("announced", { round: shortlist.round, at: formatInZone(shortlist.announcedAt, timeZone, locale) })}
      </p>
      {shortlist.firms.length ? (
        <ol className="list-decimal space-y-1 pl-6" data-testid="public-shortlist">
          {shortlist.firms.map((name, i) => (
            <li key={`${i}-${name}`}>{name}</li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      )}
    </section>
  );
}
