"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { requestPasswordResetAction } from "../account.actions";

/** Asks for a reset link; the answer is the same whether the address is registered or not. */
export function ForgotPasswordForm() {
  const t = useTranslations("account.forgot");
  return (
    <ActionForm action={requestPasswordResetAction} doneText={t("done")}>
      <Field name="email" label={t("email")}>
        {(field) => (
          <input {...field} type="email" required maxLength={254} autoComplete="email" className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
