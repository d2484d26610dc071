"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { approveOpeningAction } from "../bid.actions";

/** The signed-in member's approval, with their own opening passphrase; the server decides everything. */
export function ApproveOpeningForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("opening.form");
  return (
    <ActionForm action={approveOpeningAction} doneText={t("done")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="passphrase" label={t("label")} hint={t("intro")}>
        {(field) => (
          <input {...field} type="password" required autoComplete="off" maxLength={256} className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
