"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { setOpeningKeyAction } from "../bid.actions";

/** Sets the opening passphrase once; changing it asks for the old one. */
export function OpeningKeyForm({ hasKey }: { hasKey: boolean }) {
  const t = useTranslations("bids.openingKey");
  return (
    <ActionForm action={setOpeningKeyAction} doneText={t("saved")}>
      {hasKey ? (
        <Field name="oldPassphrase" label={t("oldPassphrase")}>
          {(field) => (
            <input {...field} type="password" required autoComplete="current-password" className={inputClass} />
          )}
        </Field>
      ) : null}
      <Field name="passphrase" label={t("passphrase")} hint={t("passphraseHint")}>
        {(field) => (
          <input
            {...field}
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <Field name="confirmation" label={t("confirmation")}>
        {(field) => (
          <input
            {...field}
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("save")}
      </button>
    </ActionForm>
  );
}
