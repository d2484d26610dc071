"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { passSecondFactorAction } from "../two-factor.actions";

/** The sign-in's second step: on success the target page loads fully with the completed session. */
export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("security.signInStep");
  return (
    <ActionForm action={passSecondFactorAction} doneText={t("done")} onDone={() => window.location.assign(callbackUrl)}>
      <Field name="code" label={t("code")} hint={t("codeHint")}>
        {(field) => (
          <input
            {...field}
            required
            autoFocus
            autoComplete="one-time-code"
            inputMode="text"
            maxLength={40}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary", "w-full")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
