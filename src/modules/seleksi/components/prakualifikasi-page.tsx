import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { isAppError } from "@/server/errors";
import type { PrequalificationBa } from "../server/find-prequalification-bas";

/**
 * What both prakualifikasi pages (the Pokja's and the applicant's) start with: the view, or a
 * 404 when the tender is not the reader's, has no prakualifikasi or the reader has no role
 * there (the same answer for each, so ids cannot be probed); the page's and the forms'
 * messages; times in the agency's zone.
 */
export async function loadPrakualifikasiPage<V extends { tender: { timeZone: string } }>(
  read: Promise<V>,
  namespace: "seleksi.pokja" | "seleksi.vendor",
) {
  const view = await read.catch((error: unknown) => {
    if (isAppError(error) && ["NOT_FOUND", "INVALID_STATE", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  });
  const [t, forms, localeValue] = await Promise.all([
    getTranslations(namespace),
    getTranslations("seleksi.forms"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date) => formatInZone(d, view.tender.timeZone, locale);
  return { view, t, forms, at };
}

/** The round's Berita Acara Hasil Prakualifikasi, each conclusion's own, oldest first. */
export async function PrakualifikasiBaList({ bas, at }: { bas: PrequalificationBa[]; at: (d: Date) => string }) {
  if (bas.length === 0) return null;
  const t = await getTranslations("seleksi.beritaAcara");
  return (
    <section aria-labelledby="ba-prak" className="space-y-2">
      <h2 id="ba-prak" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="list-disc space-y-2 pl-6">
        {bas.map((ba) => (
          <li key={ba.documentId}>
            <a className="underline" href={`/api/documents/${ba.documentId}`}>
              {t("link", { round: ba.round, outcome: t(`outcome.${ba.outcome}`), at: at(ba.at) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
