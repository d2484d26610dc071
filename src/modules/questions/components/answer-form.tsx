"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { answerQuestionAction } from "../questions.actions";

/** The Pokja's answer; with an existing answer the same form edits it (audited). */
export function AnswerForm({ questionId, current }: { questionId: string; current: string | null }) {
  const t = useTranslations("questions.pokja");
  return (
    <ActionForm action={answerQuestionAction} doneText={t("done")} resetOnDone={false}>
      <input type="hidden" name="questionId" value={questionId} />
      <Field name="body" label={t("label")} hint={t("hint")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={5}
            maxLength={4000}
            rows={4}
            defaultValue={current ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass(current ? "secondary" : "primary")}>
        {current ? t("edit") : t("submit")}
      </button>
    </ActionForm>
  );
}
