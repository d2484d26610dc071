import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { AwardWithdrawals } from "@/modules/sanggah/components/award-withdrawals";
import { SanggahDocumentUpload } from "@/modules/sanggah/components/sanggah-document-upload";
import { FileBandingForm, FileSanggahForm } from "@/modules/sanggah/components/sanggah-forms";
import { SanggahItem } from "@/modules/sanggah/components/sanggah-item";
import { WindowsSummary } from "@/modules/sanggah/components/windows-summary";
import { getVendorSanggahView } from "@/modules/sanggah/server/get-sanggah-views";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("remedies.vendor"))("title") };
}

/** A bidder's sanggah: the window, the form while it is open, its own objections, answers and banding. */
export default async function PenyediaSanggahPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/penyedia/sanggah/${tenderId}`);
  const view = await orNotFound(getVendorSanggahView(actor, tenderId));
  const [t, tr, localeValue] = await Promise.all([
    getTranslations("remedies.vendor"),
    getTranslations("remedies.reevaluation"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender } = view;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <WindowsSummary windows={view.windows} timeZone={tender.timeZone} locale={locale} />
      </header>
      <AwardWithdrawals
        withdrawals={view.withdrawals}
        isReevaluating={view.isReevaluating}
        timeZone={tender.timeZone}
        locale={locale}
      />
      {!view.isBidder ? (
        <p role="status" className="text-sm text-amber-900">
          {t("notBidder")}
        </p>
      ) : null}
      {view.canFile ? (
        <Card>
          <FileSanggahForm tenderId={tender.id} />
        </Card>
      ) : view.isBidder && !view.sanggahs.length ? (
        <p className="text-sm">{t("closed")}</p>
      ) : null}
      <section className="space-y-3">
        <h2 className="font-semibold">{t("own")}</h2>
        {view.sanggahs.length === 0 ? <EmptyState title={t("empty")} /> : null}
        {view.sanggahs.map((s) => (
          <Card key={s.id} className="space-y-4">
            <SanggahItem item={{ ...s, answerDeadline: null }} timeZone={tender.timeZone} locale={locale} />
            {!s.answeredAt && view.isFilingOpen ? <SanggahDocumentUpload sanggahId={s.id} /> : null}
            {s.banding ? <SanggahItem item={s.banding} timeZone={tender.timeZone} locale={locale} /> : null}
            {s.banding && !s.banding.answeredAt && s.isBandingOpen ? (
              <SanggahDocumentUpload sanggahId={s.banding.id} />
            ) : null}
            {s.canFileBanding && view.bond !== null && s.bandingWindow ? (
              <div className="space-y-2 border-t border-slate-200 pt-4">
                <h3 className="font-semibold">{t("bandingTitle")}</h3>
                <p className="text-sm">
                  {t("bandingWindow", { end: formatInZone(s.bandingWindow.end, tender.timeZone, locale) })}
                </p>
                <FileBandingForm sanggahId={s.id} bond={formatRupiah(view.bond)} />
              </div>
            ) : null}
          </Card>
        ))}
      </section>
      {view.history.length ? (
        <section aria-labelledby="riwayat" className="space-y-3">
          <h2 id="riwayat" className="font-semibold">
            {tr("history")}
          </h2>
          {view.history.map((s) => (
            <Card key={s.id}>
              <SanggahItem item={s} timeZone={tender.timeZone} locale={locale} />
            </Card>
          ))}
        </section>
      ) : null}
    </div>
  );
}
