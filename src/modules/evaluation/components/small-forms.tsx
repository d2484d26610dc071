"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import {
  announceWinnerAction,
  rankBidsAction,
  recordClarificationAction,
  recordPembuktianAction,
} from "../evaluation.actions";

/** "Klarifikasi harga" for a construction bid below 80% of HPS. */
export function ClarificationForm({
  tenderId,
  bidId,
  current,
}: {
  tenderId: string;
  bidId: string;
  current: string | null;
}) {
  const t = useTranslations("evaluation.clarification");
  return (
    <ActionForm action={recordClarificationAction} doneText={t("saved")} resetOnDone={false}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="bidId" value={bidId} />
      <Field name="clarification" label={t("label")} hint={t("hint")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={20}
            maxLength={4000}
            rows={3}
            defaultValue={current ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** Pass or fail of pembuktian kualifikasi for one ranked bid. */
export function PembuktianForm({ tenderId, bidId }: { tenderId: string; bidId: string }) {
  const t = useTranslations("evaluation");
  return (
    <ActionForm action={recordPembuktianAction} doneText={t("pembuktian.saved")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="bidId" value={bidId} />
      <Choice
        name="passed"
        legend={t("form.decision")}
        options={[
          { value: "true", label: t("form.pass") },
          { value: "false", label: t("form.fail") },
        ]}
      />
      <Field name="reason" label={t("form.reason")}>
        {(field) => <textarea {...field} required minLength={10} maxLength={2000} rows={2} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("pembuktian.submit")}
      </button>
    </ActionForm>
  );
}

const TENDER_ACTIONS = { rank: rankBidsAction, announce: announceWinnerAction };

/** A single-button step on the whole tender: ranking, penetapan, pengumuman. */
export function TenderStepButton({
  tenderId,
  step,
  label,
  doneText,
  confirmText,
}: {
  tenderId: string;
  step: keyof typeof TENDER_ACTIONS;
  label: string;
  doneText: string;
  confirmText?: string;
}) {
  return (
    <ActionForm action={TENDER_ACTIONS[step]} doneText={doneText} confirmText={confirmText}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <button type="submit" className={buttonClass(step === "rank" ? "secondary" : "primary")}>
        {label}
      </button>
    </ActionForm>
  );
}
