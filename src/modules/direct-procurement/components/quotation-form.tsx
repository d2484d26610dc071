"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { submitQuotationAction } from "../direct-procurement.actions";

/** The vendor's one price quotation; `hps` is the formatted ceiling (the server checks it). */
export function QuotationForm({ directProcurementId, hps }: { directProcurementId: string; hps: string }) {
  const t = useTranslations("procurement.invitations");
  return (
    <ActionForm action={submitQuotationAction} doneText={t("done")} confirmText={t("confirm")}>
      <input type="hidden" name="directProcurementId" value={directProcurementId} />
      <Field name="price" label={t("price")} hint={t("priceHint", { hps })}>
        {(field) => <input {...field} required inputMode="numeric" autoComplete="off" className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
