import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { AddendumList } from "@/modules/addenda/components/addendum-list";
import { PublishAddendumForm } from "@/modules/addenda/components/publish-addendum-form";
import { AnswerForm } from "@/modules/questions/components/answer-form";
import { QuestionList } from "@/modules/questions/components/question-list";
import { getPokjaPenjelasan } from "@/modules/questions/server/get-penjelasan-views";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questions.pokja"))("title") };
}

/** The Pokja's clarification desk: unanswered questions first, answers, addenda. */
export default async function PokjaPenjelasanPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/pokja/penjelasan/${tenderId}`);
  // NOT_FOUND for anyone outside the tender's Pokja, so tender ids cannot be probed
  const view = await orNotFound(getPokjaPenjelasan(actor, tenderId));
  const [t, a, localeValue] = await Promise.all([
    getTranslations("questions.pokja"),
    getTranslations("questions.item"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender, window } = view;
  const at = (d: Date) => formatInZone(d, tender.timeZone, locale);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
        {window ? (
          <p className="text-sm text-slate-700">
            {t("window", { start: at(window.startsAt), end: at(window.endsAt) })}
          </p>
        ) : null}
        <p role="status" className="text-sm font-medium">
          {t("unanswered", { count: view.unanswered })}
        </p>
        {view.isBeforeDeadline ? null : <p className="text-sm text-amber-900">{t("closed")}</p>}
      </header>
      {view.questions.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <QuestionList
          questions={view.questions}
          timeZone={tender.timeZone}
          locale={locale}
          renderAnswer={(q) =>
            view.isBeforeDeadline ? (
              <AnswerForm questionId={q.id} current={q.answer?.body ?? null} />
            ) : (
              <p className="whitespace-pre-line">{q.answer ? q.answer.body : a("unanswered")}</p>
            )
          }
        />
      )}
      <Card className="space-y-3">
        <h2 className="font-semibold">{t("addendumTitle")}</h2>
        <AddendumList tenderId={tender.id} timeZone={tender.timeZone} />
        {view.isBeforeDeadline ? (
          <>
            <p className="text-sm text-slate-700">{t("addendumIntro")}</p>
            <PublishAddendumForm tenderId={tender.id} />
          </>
        ) : null}
      </Card>
    </div>
  );
}
