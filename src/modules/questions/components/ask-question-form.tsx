"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { askQuestionAction } from "../questions.actions";

export function AskQuestionForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("questions.vendor");
  return (
    <ActionForm action={askQuestionAction} doneText={t("done")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="body" label={t("label")} hint={t("hint")}>
        {(field) => <textarea {...field} required minLength={10} maxLength={4000} rows={5} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
