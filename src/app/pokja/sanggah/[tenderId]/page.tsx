import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { ReopenEvaluationForm } from "@/modules/evaluation/components/reopen-form";
import { DeclareFailedForm } from "@/modules/failure/components/failure-forms";
import { AwardWithdrawals } from "@/modules/sanggah/components/award-withdrawals";
import { AnswerForm } from "@/modules/sanggah/components/sanggah-forms";
import { SanggahItem } from "@/modules/sanggah/components/sanggah-item";
import { WindowsSummary } from "@/modules/sanggah/components/windows-summary";
import { getPokjaSanggahView } from "@/modules/sanggah/server/get-sanggah-views";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("remedies.pokja"))("title") };
}

/**
 * The Pokja's sanggah desk: every objection to the current announcement, and the answer form
 * for the open ones; after an acceptance, what comes next (evaluasi ulang or tender gagal);
 * the objections to earlier announcements as history.
 */
export default async function PokjaSanggahPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/pokja/sanggah/${tenderId}`);
  // NOT_FOUND for anyone outside the tender's Pokja, so tender ids cannot be probed
  const view = await orNotFound(getPokjaSanggahView(actor, tenderId));
  const [t, tr, localeValue] = await Promise.all([
    getTranslations("remedies.pokja"),
    getTranslations("remedies.reevaluation"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender } = view;
  const sanggahs = view.sanggahs.filter((s) => s.kind === "SANGGAH");
  const bandings = view.sanggahs.filter((s) => s.kind === "SANGGAH_BANDING");

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
        <WindowsSummary windows={view.windows} blockers={view.blockers} timeZone={tender.timeZone} locale={locale} />
      </header>
      <AwardWithdrawals
        withdrawals={view.withdrawals}
        isReevaluating={false}
        timeZone={tender.timeZone}
        locale={locale}
      />
      {view.canDeclareFailed ? (
        <section aria-labelledby="langkah" className="space-y-4">
          <p id="langkah" role="status" className="text-amber-900">
            {view.isReevaluating ? tr("nextSteps") : tr("acceptedButAwarded")}
          </p>
          {view.isReevaluating ? (
            <Card className="space-y-3">
              <h2 className="text-lg font-semibold">{tr("reopenTitle")}</h2>
              <p className="text-sm text-slate-700">{tr("reopenIntro")}</p>
              <ReopenEvaluationForm tenderId={tender.id} hasPrakualifikasi={tender.hasPrakualifikasi} />
              <p className="text-sm">
                <Link href={`/pokja/evaluasi/${tender.id}`}>{tr("toEvaluation")}</Link>
              </p>
            </Card>
          ) : null}
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{tr("failTitle")}</h2>
            <DeclareFailedForm tenderId={tender.id} />
          </Card>
        </section>
      ) : null}
      {sanggahs.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {sanggahs.map((s) => (
        <Card key={s.id} className="space-y-4">
          <SanggahItem item={s} timeZone={tender.timeZone} locale={locale} showVendor />
          {bandings
            .filter((b) => b.appealOfId === s.id)
            .map((b) => (
              <SanggahItem key={b.id} item={b} timeZone={tender.timeZone} locale={locale} showVendor />
            ))}
          {!s.answeredAt && view.canAnswer ? <AnswerForm kind="SANGGAH" id={s.id} /> : null}
        </Card>
      ))}
      {view.history.length ? (
        <section aria-labelledby="riwayat" className="space-y-3">
          <h2 id="riwayat" className="text-lg font-semibold">
            {tr("history")}
          </h2>
          {view.history.map((s) => (
            <Card key={s.id}>
              <SanggahItem item={s} timeZone={tender.timeZone} locale={locale} showVendor />
            </Card>
          ))}
        </section>
      ) : null}
    </div>
  );
}
