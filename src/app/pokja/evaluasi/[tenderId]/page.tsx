import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { EVALUATION_STAGES, type OrderedStage } from "@/modules/evaluation/domain/evaluation-rules";
import { nextStageToDecide, toDecisions } from "@/modules/evaluation/domain/stage-progress";
import { InvitationForm } from "@/modules/evaluation/components/invitation-form";
import { InvitationList } from "@/modules/evaluation/components/invitation-list";
import { RankingPanel } from "@/modules/evaluation/components/ranking-panel";
import { StageMatrix, StageTabs } from "@/modules/evaluation/components/stage-matrix";
import { findPokjaInvitations } from "@/modules/evaluation/server/find-evaluation-invitations";
import { getEvaluationBoard } from "@/modules/evaluation/server/get-evaluation-board";
import { QualificationPanel } from "@/modules/evaluation/components/qualification-panel";
import { getQualificationBoard } from "@/modules/evaluation/server/get-qualification-board";
import { ReopenPanel } from "@/modules/evaluation/components/reopen-panel";
import { NegotiationPanel } from "@/modules/evaluation/components/negotiation-panel";
import { getNegotiationBoard } from "@/modules/evaluation/server/get-negotiation-board";
import { getWinnerProposals } from "@/modules/award/server/get-winner-proposals";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation.pokja"))("title") };
}

type Props = { params: Promise<{ tenderId: string }>; searchParams: Promise<{ tahap?: string | string[] }> };

/** ?tahap=kualifikasi; without it the page goes to the first stage with a bid still to decide. */
function chosenStage(tahap: string | string[] | undefined): OrderedStage | null {
  const wanted = typeof tahap === "string" ? tahap.toUpperCase() : null;
  return EVALUATION_STAGES.find((s) => s === wanted) ?? null;
}

/** The Pokja's evaluation desk; every rule is checked again by the use cases behind the forms. */
export default async function PokjaEvaluationPage({ params, searchParams }: Props) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/pokja/evaluasi/${tenderId}`);
  // NOT_FOUND for anyone outside the tender's Pokja, so tender ids cannot be probed
  const board = await orNotFound(getEvaluationBoard(actor, tenderId));
  const [t, localeValue, invitations, proposals, negotiation] = await Promise.all([
    getTranslations("evaluation"),
    getLocale(),
    findPokjaInvitations(actor, tenderId),
    getWinnerProposals(actor, tenderId),
    getNegotiationBoard(actor, tenderId),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender } = board;
  const at = (d: Date) => formatInZone(d, tender.timeZone, locale);
  const next = nextStageToDecide(board.bids.map((b) => toDecisions(b.evaluations)));
  const stage = chosenStage((await searchParams).tahap);
  // The stage is in the address, so a save never moves the table under the Pokja's hands:
  // the saved row stays in view, and the matrix offers the next stage once this one is done.
  if (!stage) redirect(`/pokja/evaluasi/${tenderId}?tahap=${next.toLowerCase()}`);
  // the structured qualification beside each vendor's opened form (issue 15), in its stage
  const qualification = stage === "KUALIFIKASI" ? await getQualificationBoard(actor, tenderId) : null;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("pokja.title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("pokja.hps")}</dt>
          <dd className="tabular-nums">{formatRupiah(tender.hps)}</dd>
          <dt className="text-slate-600">{t("pokja.method")}</dt>
          <dd>
            {t(`method.${tender.method}`)}
            {tender.isTechnicalScored && tender.technicalWeight !== null
              ? ` (${t("pokja.weights", { technical: tender.technicalWeight, price: tender.priceWeight ?? 0 })})`
              : null}
            {negotiation ? ` · ${t("consultancy.passingGrade", { grade: tender.technicalPassingGrade })}` : null}
          </dd>
        </dl>
        {tender.openedAt === null ? (
          <p role="status" className="text-amber-900">
            {t("pokja.notOpened")}
          </p>
        ) : null}
        {tender.awardedAt ? <p role="status">{t("pokja.closed", { at: at(tender.awardedAt) })}</p> : null}
        {tender.announcedAt ? (
          <p role="status">
            {t("pokja.announced", { at: at(tender.announcedAt) })}{" "}
            <Link href={`/tender/${tender.code}/pemenang`}>{t("pokja.publicLink")}</Link>
          </p>
        ) : null}
      </header>
      <ReopenPanel tenderCode={tender.code} locale={locale} hasPrakualifikasi={tender.hasPrakualifikasi} />
      {tender.openedAt === null ? null : board.bids.length === 0 ? (
        <EmptyState title={t("pokja.noBids")} />
      ) : (
        <>
          <StageTabs board={board} stage={stage} />
          <StageMatrix board={board} stage={stage} locale={locale} />
          {qualification ? <QualificationPanel rows={qualification} /> : null}
          {negotiation ? (
            <NegotiationPanel
              tenderId={tender.id}
              board={negotiation}
              names={new Map(board.bids.map((b) => [b.id, b.vendorName]))}
              isEvaluating={board.isEvaluating}
              at={at}
            />
          ) : null}
          <RankingPanel board={board} locale={locale} proposals={proposals} at={at} />
          <section aria-labelledby="undangan" className="space-y-3">
            <h2 id="undangan" className="text-lg font-semibold">
              {t("invitation.title")}
            </h2>
            <p className="text-sm text-slate-700">{t("invitation.intro")}</p>
            {board.isEvaluating ? (
              <InvitationForm
                tenderId={tender.id}
                timeZone={tender.timeZone}
                bidders={board.bids.map((b) => ({ bidId: b.id, name: b.vendorName }))}
                hasPrakualifikasi={tender.hasPrakualifikasi}
              />
            ) : null}
            <InvitationList invitations={invitations} timeZone={tender.timeZone} locale={locale} />
          </section>
        </>
      )}
    </div>
  );
}
