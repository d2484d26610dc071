import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { findTenderAddenda } from "../server/find-tender-addenda";

/** The published addenda of a tender with their summaries and public files. */
export async function AddendumList({ tenderId, timeZone }: { tenderId: string; timeZone: string }) {
  const [addenda, t, localeValue] = await Promise.all([
    findTenderAddenda(tenderId),
    getTranslations("questions.addenda"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  if (addenda.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <ol className="space-y-3">
      {addenda.map((a) => (
        <li
          key={a.documentId}
          id={`adendum-${a.documentId}`}
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">{t("item", { number: a.number })}</h3>
            <span className="text-slate-600">
              {t("publishedAt", { at: formatInZone(a.publishedAt, timeZone, locale) })}
            </span>
          </div>
          <p className="mt-2 whitespace-pre-line">{a.summary}</p>
          <a className="mt-2 inline-block" href={`/api/documents/${a.documentId}`}>
            {t("download", { fileName: a.fileName })}
          </a>
        </li>
      ))}
    </ol>
  );
}
