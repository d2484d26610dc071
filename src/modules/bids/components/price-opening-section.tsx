import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { PriceOpeningView } from "../server/price-opening/get-price-opening-view";
import { ApproveOpeningForm } from "./approve-opening-form";
import { OpenedBidsTable } from "./opened-bids-table";

/** The second opening of a two-envelope tender on the Pokja's opening desk (decision 0042). */
export async function PriceOpeningSection({
  tenderId,
  timeZone,
  firstOpened,
  view,
}: {
  tenderId: string;
  timeZone: string;
  firstOpened: boolean;
  view: PriceOpeningView;
}) {
  const [t, a, e, localeValue] = await Promise.all([
    getTranslations("opening.priceOpening"),
    getTranslations("opening.approvals"),
    getTranslations("errors"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date) => <time dateTime={d.toISOString()}>{formatInZone(d, timeZone, locale)}</time>;
  return (
    <section className="space-y-3" aria-labelledby="pembukaan-harga">
      <h2 id="pembukaan-harga" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Card className="space-y-3">
        <p className="text-sm">
          {t("count", { count: view.approvals.length, threshold: view.threshold, shareholders: view.shareholders })}
        </p>
        {view.approvals.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {view.approvals.map((ap, i) => (
              <li key={i}>
                {ap.name} {ap.isMe ? a("you") : null} - {at(ap.approvedAt)}
              </li>
            ))}
          </ol>
        )}
        {!firstOpened ? <p className="text-sm text-slate-700">{t("waitFirst")}</p> : null}
        {view.blockedBy ? (
          <p className="text-sm text-amber-900">{e(view.blockedBy.key, view.blockedBy.values)}</p>
        ) : null}
        {view.canApprove ? <ApproveOpeningForm tenderId={tenderId} price /> : null}
        {view.hasApproved && !view.openedAt ? <p className="text-sm text-green-800">{t("approved")}</p> : null}
        {!view.hasShare && !view.openedAt ? <p className="text-sm text-amber-900">{t("noShare")}</p> : null}
      </Card>
      {view.openedAt && view.result ? (
        <div className="space-y-3">
          <p>{t("openedAt", { time: formatInZone(view.openedAt, timeZone, locale) })}</p>
          {/* a plain link: the download is a route handler, not a page to navigate to client-side */}
          {view.result.beritaAcaraId ? (
            <a className={buttonClass("secondary")} href={`/api/documents/${view.result.beritaAcaraId}`}>
              {t("beritaAcara")}
            </a>
          ) : null}
          {view.result.laterBeritaAcara.length > 0 ? (
            <ul className="space-y-2">
              {view.result.laterBeritaAcara.map((ba) => (
                <li key={ba.documentId}>
                  <a className={buttonClass("secondary")} href={`/api/documents/${ba.documentId}`}>
                    {t("beritaAcaraNext", { vendor: ba.vendorName })}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <OpenedBidsTable bids={view.result.bids} canReadFiles={view.canReadFiles} />
          <h3 className="font-semibold">{t("sealedTitle")}</h3>
          {view.result.sealed.length === 0 ? (
            <p className="text-sm">{t("sealedNone")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {view.result.sealed.map((b) => (
                <li key={b.bidId}>{b.vendorName}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
