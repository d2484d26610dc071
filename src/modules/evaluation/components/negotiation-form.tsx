"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import { MINUTES_MAX_LENGTH, MINUTES_MIN_LENGTH } from "../domain/negotiation";
import { recordNegotiationAction } from "../negotiation.actions";

/** The outcome of klarifikasi dan negosiasi with the bid whose turn it is, with its minutes. */
export function NegotiationForm({ tenderId, bidId }: { tenderId: string; bidId: string }) {
  const t = useTranslations("evaluation.consultancy");
  return (
    <ActionForm action={recordNegotiationAction} doneText={t("saved")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="bidId" value={bidId} />
      <Choice
        name="outcome"
        legend={t("outcome")}
        options={[
          { value: "AGREED", label: t("outcomeAGREED") },
          { value: "FAILED", label: t("outcomeFAILED") },
        ]}
      />
      <Field name="agreedPrice" label={t("agreedPrice")} hint={t("agreedPriceHint")}>
        {(field) => <input {...field} inputMode="numeric" autoComplete="off" className={inputClass} />}
      </Field>
      <Field name="minutes" label={t("minutes")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={MINUTES_MIN_LENGTH}
            maxLength={MINUTES_MAX_LENGTH}
            rows={4}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
