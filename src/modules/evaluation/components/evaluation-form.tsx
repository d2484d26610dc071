"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, GroupError, inputClass } from "@/modules/organisation/components/action-form";
import { recordEvaluationAction } from "../evaluation.actions";

type Stage = "ADMINISTRASI" | "KUALIFIKASI" | "TEKNIS" | "HARGA";

interface Props {
  tenderId: string;
  bidId: string;
  /** the stages this bid may be judged in now: decided ones (to re-decide) and the next one */
  stages: Stage[];
  method: "HARGA_TERENDAH" | "SISTEM_NILAI" | "BIAYA_UMUR_EKONOMIS";
  openedPriceText: string;
  hpsText: string;
}

/** One decision on one bid: the fields follow the chosen stage; the server decides everything. */
export function EvaluationForm({ tenderId, bidId, stages, method, openedPriceText, hpsText }: Props) {
  const t = useTranslations("evaluation");
  const [stage, setStage] = useState<Stage>(stages[stages.length - 1]!);
  return (
    <ActionForm action={recordEvaluationAction} doneText={t("form.saved")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="bidId" value={bidId} />
      <Field name="stage" label={t("form.stage")}>
        {(field) => (
          <select {...field} value={stage} onChange={(e) => setStage(e.target.value as Stage)} className={inputClass}>
            {stages.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
          </select>
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("form.decision")}</legend>
        <div className="flex gap-6 text-sm">
          <label className="flex items-center gap-2"><input type="radio" name="passed" value="true" required /> {t("form.pass")}</label>
          <label className="flex items-center gap-2"><input type="radio" name="passed" value="false" /> {t("form.fail")}</label>
        </div>
        <GroupError name="passed" />
      </fieldset>
      <Field name="reason" label={t("form.reason")} hint={t("form.reasonHint")}>
        {(field) => <textarea {...field} required minLength={10} maxLength={2000} rows={3} className={inputClass} />}
      </Field>
      {stage === "TEKNIS" && method === "SISTEM_NILAI" ? (
        <Field name="technicalScore" label={t("form.technicalScore")}>
          {(field) => <input {...field} inputMode="decimal" className={inputClass} />}
        </Field>
      ) : null}
      {stage === "HARGA" ? (
        <>
          <p className="text-sm text-slate-700">{t("form.hpsNote", { hps: hpsText })}</p>
          <Field name="correctedPrice" label={t("form.correctedPrice")} hint={t("form.correctedPriceHint", { price: openedPriceText })}>
            {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
          </Field>
          <Field name="breakdown" label={t("form.breakdown")} hint={t("form.breakdownHint")}>
            {(field) => <textarea {...field} rows={3} className={`${inputClass} font-mono`} placeholder="10; 1.500.000; 15.000.000" />}
          </Field>
          {method === "BIAYA_UMUR_EKONOMIS" ? (
            <Field name="lifeCycleCost" label={t("form.lifeCycleCost")}>
              {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
            </Field>
          ) : null}
        </>
      ) : null}
      <button type="submit" className={buttonClass("primary")}>{t("form.submit")}</button>
    </ActionForm>
  );
}
