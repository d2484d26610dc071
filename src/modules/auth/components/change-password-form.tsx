"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { changePasswordAction } from "../account.actions";
import { PasswordFields } from "./new-password-form";

/** Changing one's password ends every session, this one too: then to /masuk. */
export function ChangePasswordForm() {
  const t = useTranslations("account.changePassword");
  return (
    <ActionForm
      action={changePasswordAction}
      doneText={t("done")}
      confirmText={t("confirm")}
      // a full load on purpose: the session (if any) has just ended, so the header and every
      // cached page must be fetched afresh, not reused by the client router
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      onDone={() => window.location.assign("/masuk?notice=passwordChanged")}
    >
      <Field name="currentPassword" label={t("current")}>
        {(field) => (
          <input {...field} type="password" required autoComplete="current-password" className={inputClass} />
        )}
      </Field>
      <PasswordFields />
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
