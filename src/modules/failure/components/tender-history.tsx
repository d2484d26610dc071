import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { getTenderHistory } from "../server/get-tender-history";

/**
 * The public chain of a paket's attempts, for /tender/[code]: the tender it repeats, the
 * tender ulang that repeats it, and the PA/KPA's decision on penunjukan langsung. A
 * re-tender still in DRAFT is named without a link: it has no public page yet. A penunjukan
 * langsung names the tender ulang it follows, which links to it once it is announced.
 */
export async function TenderHistory({ tenderId }: { tenderId: string }) {
  const tender = await getTenderHistory(tenderId);
  if (!tender || (!tender.previousTender && !tender.retenders.length && !tender.penunjukanLangsung.length)) return null;
  const [t, localeValue] = await Promise.all([getTranslations("remedies.history"), getLocale()]);
  const at = (d: Date) => formatInZone(d, tender.paket.agency.timeZone, isLocale(localeValue) ? localeValue : "id");
  const pl = tender.penunjukanLangsung[0];
  return (
    <section aria-labelledby="tender-history" className="space-y-1 text-sm">
      <h2 id="tender-history" className="font-semibold">
        {t("title")}
      </h2>
      <ul className="list-disc pl-5">
        {tender.previousTender ? (
          <li>
            <Link href={`/tender/${tender.previousTender.code}`}>
              {t(tender.method === "PENUNJUKAN_LANGSUNG" ? "penunjukanOf" : "retenderOf", {
                code: tender.previousTender.code,
              })}
            </Link>
          </li>
        ) : null}
        {tender.retenders.map((r) => (
          <li key={r.code}>
            {r.status === "DRAFT" ? (
              t("retenderDraft")
            ) : (
              <Link href={`/tender/${r.code}`}>{t("retenderedAs", { code: r.code })}</Link>
            )}
          </li>
        ))}
        {pl ? (
          <li>
            {pl.decision === null
              ? t("plPending")
              : t(pl.decision === "APPROVED" ? "plApproved" : "plRejected", {
                  at: pl.approvedAt ? at(pl.approvedAt) : "",
                })}
          </li>
        ) : null}
        {pl?.tender && pl.tender.status !== "DRAFT" ? (
          <li>
            <Link href={`/tender/${pl.tender.code}`}>{t("plRunAs", { code: pl.tender.code })}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
