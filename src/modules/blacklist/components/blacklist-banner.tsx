import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { findOwnBlacklisting } from "../server/find-own-blacklisting";

/** On the company's own pages: it is on the daftar hitam, under which decree and until when. Nothing otherwise. */
export async function BlacklistBanner({ actor }: { actor: Actor | null }) {
  const entry = await findOwnBlacklisting(actor);
  if (!entry) return null;
  const [t, localeValue] = await Promise.all([getTranslations("blacklist.banner"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div role="status" className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{t("title")}</p>
      <p className="text-sm">
        {t("body", {
          decree: entry.decreeNumber,
          basis: entry.legalBasis,
          until: formatInZone(entry.endsAt, entry.timeZone, locale),
        })}
      </p>
      <Link href="/daftar-hitam" className="text-sm underline">
        {t("link")}
      </Link>
    </div>
  );
}
