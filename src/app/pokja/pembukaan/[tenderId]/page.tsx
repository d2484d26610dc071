import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { ApproveOpeningForm } from "@/modules/bids/components/approve-opening-form";
import { OpenedBidsTable } from "@/modules/bids/components/opened-bids-table";
import { getOpeningView } from "@/modules/bids/server/opening/get-opening-view";
import { PriceOpeningSection } from "@/modules/bids/components/price-opening-section";
import { getPriceOpeningView } from "@/modules/bids/server/price-opening/get-price-opening-view";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("opening.page"))("title") };
}

/** The Pokja's opening desk: deadline, approvals (k of n), the member's approval, the result. */
export default async function PokjaPembukaanPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/pokja/pembukaan/${tenderId}`);
  // NOT_FOUND for anyone outside the tender's Pokja, so tender ids cannot be probed
  const view = await orNotFound(getOpeningView(actor, tenderId));
  // two envelopes: the price opening's desk below the first one (null on any other tender)
  const priceView = await getPriceOpeningView(actor, tenderId);
  const [t, e, localeValue] = await Promise.all([getTranslations("opening"), getTranslations("errors"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender, opening } = view;
  const at = (d: Date) => <time dateTime={d.toISOString()}>{formatInZone(d, tender.timeZone, locale)}</time>;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/pokja/tender/${tender.id}`} className="text-sm">
          ← {t("page.back")}
        </Link>
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
        <p className="text-slate-700">
          {tender.name} - {tender.agencyName}
        </p>
        <p className="text-sm text-slate-700">{t("page.intro")}</p>
      </header>
      <Card className="space-y-1">
        <p>
          <span className="font-medium">{t("page.deadline")}:</span>{" "}
          {view.deadline ? at(view.deadline) : t("page.noDeadline")}
        </p>
        {view.deadline ? (
          <p role="status" className="text-sm">
            {view.isAfterDeadline ? t("page.deadlinePassed") : t("page.deadlineNotPassed")}
          </p>
        ) : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="font-semibold">{priceView ? t("priceOpening.firstTitle") : t("approvals.title")}</h2>
        <p className="text-sm">
          {t("approvals.count", {
            count: view.approvals.length,
            threshold: view.threshold,
            shareholders: view.shareholders,
          })}
        </p>
        {view.approvals.length === 0 ? (
          <p className="text-sm text-slate-700">{t("approvals.none")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {view.approvals.map((a, i) => (
              <li key={i}>
                {a.name} {a.isMe ? t("approvals.you") : null} - {at(a.approvedAt)}
              </li>
            ))}
          </ol>
        )}
        {view.blockedBy ? (
          <p className="text-sm text-amber-900">{e(view.blockedBy.key, view.blockedBy.values)}</p>
        ) : null}
        {view.canApprove ? <ApproveOpeningForm tenderId={tender.id} /> : null}
        {view.hasApproved && !tender.openedAt ? <p className="text-sm text-green-800">{t("form.approved")}</p> : null}
        {!view.hasShare && !tender.openedAt ? <p className="text-sm text-amber-900">{t("form.noShare")}</p> : null}
      </Card>
      {tender.openedAt && opening ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("result.title")}</h2>
          <p>{t("result.openedAt", { time: formatInZone(tender.openedAt, tender.timeZone, locale) })}</p>
          {opening.failure ? (
            <p>
              <Badge tone="danger">{t("result.failed")}</Badge> {tender.endReason}
            </p>
          ) : null}
          {/* a plain link: the download is a route handler, not a page to navigate to client-side */}
          {opening.beritaAcaraId ? (
            <a className={buttonClass("secondary")} href={`/api/documents/${opening.beritaAcaraId}`}>
              {t("result.beritaAcara")}
            </a>
          ) : null}
          <OpenedBidsTable bids={opening.bids} canReadFiles={opening.canReadFiles} />
        </section>
      ) : null}
      {priceView ? (
        <PriceOpeningSection
          tenderId={tender.id}
          timeZone={tender.timeZone}
          firstOpened={tender.openedAt !== null}
          view={priceView}
        />
      ) : null}
    </div>
  );
}
