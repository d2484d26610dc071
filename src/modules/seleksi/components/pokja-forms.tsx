"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import {
  answerSanggahPrakualifikasiAction,
  concludePrequalificationAction,
  decidePrequalificationAction,
} from "../seleksi-pokja.actions";

const SANGGAH_TEXT = { required: true, minLength: 20, maxLength: 10_000, rows: 6, className: inputClass };
const REASON_TEXT = { minLength: 10, maxLength: 2000, rows: 3, className: inputClass };

/** The Pokja's decision on one application: passed or not, score and reason. */
export function DecideApplicationForm({
  applicationId,
  passed,
  score,
  reason,
}: {
  applicationId: string;
  passed: boolean | null;
  score: number | null;
  reason: string | null;
}) {
  const t = useTranslations("seleksi.forms");
  return (
    <ActionForm action={decidePrequalificationAction} doneText={t("decided")} resetOnDone={false}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <Choice
        name="passed"
        legend={t("passed")}
        isLegendShown
        defaultValue={passed === null ? undefined : String(passed)}
        options={[
          { value: "true", label: t("passedYes") },
          { value: "false", label: t("passedNo") },
        ]}
      />
      <Field name="score" label={t("score")} hint={t("scoreHint")}>
        {(field) => (
          <input
            {...field}
            type="number"
            min={0}
            max={100}
            step={0.001}
            required
            defaultValue={score ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="reason" label={t("reason")}>
        {(field) => <textarea {...field} {...REASON_TEXT} required defaultValue={reason ?? ""} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("decide")}
      </button>
    </ActionForm>
  );
}

/** The end of the round: the outcome rule decides; a repeat or a failure needs a public reason. */
export function ConcludePrequalificationForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("seleksi.forms");
  return (
    <ActionForm
      action={concludePrequalificationAction}
      doneText={(data) => t(`outcome.${data.outcome}`)}
      confirmText={t("concludeConfirm")}
    >
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="reason" label={t("publicReason")} hint={t("publicReasonHint")}>
        {(field) => <textarea {...field} {...REASON_TEXT} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("conclude")}
      </button>
    </ActionForm>
  );
}

/** The Pokja's answer to a sanggah prakualifikasi. */
export function AnswerSanggahPrakualifikasiForm({ sanggahId }: { sanggahId: string }) {
  const t = useTranslations("seleksi.forms");
  return (
    <ActionForm action={answerSanggahPrakualifikasiAction} doneText={t("answered")}>
      <input type="hidden" name="sanggahId" value={sanggahId} />
      <Choice
        name="verdict"
        legend={t("verdict")}
        isLegendShown
        options={[
          { value: "ACCEPTED", label: t("accepted") },
          { value: "REJECTED", label: t("rejected") },
        ]}
      />
      <Field name="answer" label={t("answer")} hint={t("textHint")}>
        {(field) => <textarea {...field} {...SANGGAH_TEXT} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("answerSubmit")}
      </button>
    </ActionForm>
  );
}
