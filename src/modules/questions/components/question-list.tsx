import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatInZone } from "@/lib/time";

export interface QuestionView {
  number: number;
  body: string;
  askedAt: Date;
  answer: { body: string; answeredAt: Date } | null;
  isOwn?: boolean;
}

interface Props<Q extends QuestionView> {
  questions: Q[];
  timeZone: string;
  locale: "id" | "en";
  /** what follows each question (the Pokja's answer form) instead of the answer text */
  renderAnswer?: (question: Q) => ReactNode;
}

/** "Pertanyaan 1, 2, …" with their answers; never who asked. */
export async function QuestionList<Q extends QuestionView>({ questions, timeZone, locale, renderAnswer }: Props<Q>) {
  const t = await getTranslations("questions.item");
  const at = (d: Date) => formatInZone(d, timeZone, locale);
  return (
    <ol className="space-y-4">
      {questions.map((q) => (
        <li key={q.number} data-testid="question" className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">
              {t("question", { number: q.number })}
              {q.isOwn ? (
                <>
                  {" "}
                  <Badge tone="info">{t("own")}</Badge>
                </>
              ) : null}
            </h3>
            <span className="text-sm text-slate-600">{t("askedAt", { at: at(q.askedAt) })}</span>
          </div>
          <p className="mt-2 whitespace-pre-line">{q.body}</p>
          {renderAnswer ? (
            <div className="mt-3">{renderAnswer(q)}</div>
          ) : q.answer ? (
            <div className="mt-3 border-l-4 border-brand-600 pl-3">
              <p className="text-sm font-medium">
                {t("answer")}{" "}
                <span className="font-normal text-slate-600">· {t("answeredAt", { at: at(q.answer.answeredAt) })}</span>
              </p>
              <p className="mt-1 whitespace-pre-line">{q.answer.body}</p>
            </div>
          ) : (
            <p className="mt-3">
              <Badge tone="warning">{t("unanswered")}</Badge>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
