"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { approveOpeningAction, approvePriceOpeningAction } from "../bid.actions";

/**
 * The signed-in member's approval, with their own opening passphrase; the server decides
 * everything. `price`: the price opening of a two-envelope tender (decision 0042).
 */
export function ApproveOpeningForm({ tenderId, price = false }: { tenderId: string; price?: boolean }) {
  const t = useTranslations("opening.form");
  return (
    <ActionForm
      action={price ? approvePriceOpeningAction : approveOpeningAction}
      doneText={t(price ? "priceDone" : "done")}
    >
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="passphrase" label={t("label")} hint={t(price ? "priceIntro" : "intro")}>
        {(field) => (
          <input {...field} type="password" required autoComplete="off" maxLength={256} className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t(price ? "priceSubmit" : "submit")}
      </button>
    </ActionForm>
  );
}
