import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { findPublicQuestions } from "../server/find-public-questions";
import { QuestionList } from "./question-list";

/**
 * The Q&A of an announced tender for its public page (/tender/[code]): numbered, without
 * the asker. Renders nothing for a draft or unknown tender.
 */
export async function PublicQuestions({ tenderId, headingLevel = 2 }: { tenderId: string; headingLevel?: 2 | 3 }) {
  const result = await findPublicQuestions(tenderId);
  if (!result) return null;
  const [t, localeValue] = await Promise.all([getTranslations("questions.public"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="penjelasan-heading" className="space-y-3">
      <Heading id="penjelasan-heading" className="text-xl font-semibold">
        {t("title")}
      </Heading>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {result.questions.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <QuestionList questions={result.questions} timeZone={result.timeZone} locale={locale} />
      )}
    </section>
  );
}
