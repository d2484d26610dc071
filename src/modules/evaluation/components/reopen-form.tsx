"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { REOPEN_REASON_MAX, REOPEN_REASON_MIN, REOPENABLE_STAGES } from "../domain/reopening";
import { reopenEvaluationAction } from "../reopening.actions";

/** Evaluasi ulang after an accepted sanggah: the stage the objection concerns, and why. */
export function ReopenEvaluationForm({
  tenderId,
  hasPrakualifikasi = false,
}: {
  tenderId: string;
  hasPrakualifikasi?: boolean;
}) {
  const t = useTranslations("remedies.reevaluation");
  // a seleksi has no pembuktian stage: its firms proved their qualification in the prakualifikasi
  const stages = REOPENABLE_STAGES.filter((s) => !(hasPrakualifikasi && s === "PEMBUKTIAN"));
  return (
    <ActionForm action={reopenEvaluationAction} doneText={t("done")} confirmText={t("confirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="fromStage" label={t("fromStage")}>
        {(field) => (
          <select {...field} required className={inputClass}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={t("reason")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={REOPEN_REASON_MIN}
            maxLength={REOPEN_REASON_MAX}
            rows={4}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
