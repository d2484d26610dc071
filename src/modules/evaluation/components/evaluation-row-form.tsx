"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import type { OrderedStage } from "../domain/evaluation-rules";
import { recordEvaluationAction } from "../evaluation.actions";

/** What the row shows as saved; the form starts from it, so saving it unchanged changes nothing. */
export interface SavedDecision {
  passed: boolean;
  /** the Pokja's own words (without the text the HPS rule adds) */
  note: string;
  /** ISO instant of the decision the form was drawn from: a save made after someone else changed it is refused */
  decidedAt: string;
  technicalScore: string | null;
  correctedPrice: string | null;
  lifeCycleCost: string | null;
}

interface Props {
  tenderId: string;
  bidId: string;
  stage: OrderedStage;
  saved: SavedDecision | null;
  isScored: boolean;
  isLifeCycle: boolean;
  openedPriceText: string;
}

/** One bidder's decision in one stage of the matrix: pass or fail, the reason, and the stage's figures. */
export function EvaluationRowForm({ tenderId, bidId, stage, saved, isScored, isLifeCycle, openedPriceText }: Props) {
  const t = useTranslations("evaluation");
  return (
    <ActionForm action={recordEvaluationAction} doneText={t("form.saved")} resetOnDone={false}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="bidId" value={bidId} />
      <input type="hidden" name="stage" value={stage} />
      <input type="hidden" name="seenDecidedAt" value={saved?.decidedAt ?? ""} />
      <Choice
        name="passed"
        legend={t("form.decision")}
        options={[
          { value: "true", label: t("form.pass") },
          { value: "false", label: t("form.fail") },
        ]}
        defaultValue={saved ? String(saved.passed) : undefined}
      />
      <Field name="reason" label={t("form.reason")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={10}
            maxLength={2000}
            rows={2}
            defaultValue={saved?.note ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      {stage === "TEKNIS" && isScored ? (
        <Field name="technicalScore" label={t("form.technicalScore")}>
          {(field) => (
            <input {...field} inputMode="decimal" defaultValue={saved?.technicalScore ?? ""} className={inputClass} />
          )}
        </Field>
      ) : null}
      {stage === "HARGA" ? (
        <>
          <Field
            name="correctedPrice"
            label={t("form.correctedPrice")}
            hint={t("form.correctedPriceHint", { price: openedPriceText })}
          >
            {(field) => (
              <input {...field} inputMode="numeric" defaultValue={saved?.correctedPrice ?? ""} className={inputClass} />
            )}
          </Field>
          <Field name="breakdown" label={t("form.breakdown")} hint={t("form.breakdownHint")}>
            {(field) => (
              <textarea
                {...field}
                rows={2}
                className={`${inputClass} font-mono`}
                placeholder="10; 1.500.000; 15.000.000"
              />
            )}
          </Field>
          {isLifeCycle ? (
            <Field name="lifeCycleCost" label={t("form.lifeCycleCost")}>
              {(field) => (
                <input
                  {...field}
                  inputMode="numeric"
                  defaultValue={saved?.lifeCycleCost ?? ""}
                  className={inputClass}
                />
              )}
            </Field>
          ) : null}
        </>
      ) : null}
      <button type="submit" className={buttonClass("primary")}>
        {t("form.submit")}
      </button>
    </ActionForm>
  );
}
