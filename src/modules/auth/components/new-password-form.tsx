"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { PASSWORD_POLICY } from "../domain/password-rules";
import { acceptInvitationAction, resetPasswordAction } from "../account.actions";

/**
 * The first password from an invitation, or a new one from a reset link. The token rides
 * in a hidden field; the server checks it and the whole password policy.
 */
export function NewPasswordForm({ token, purpose }: { token: string; purpose: "invitation" | "reset" }) {
  const t = useTranslations("account.newPassword");
  const signInWithNotice = `/masuk?notice=${purpose === "invitation" ? "passwordSet" : "passwordReset"}`;
  return (
    <ActionForm
      action={purpose === "invitation" ? acceptInvitationAction : resetPasswordAction}
      doneText={t("done")}
      // a full load on purpose: the session (if any) has just ended, so the header and every
      // cached page must be fetched afresh, not reused by the client router
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      onDone={() => window.location.assign(signInWithNotice)}
    >
      <input type="hidden" name="token" value={token} />
      <PasswordFields />
      <button type="submit" className={buttonClass("primary")}>
        {t(purpose === "invitation" ? "submitInvitation" : "submitReset")}
      </button>
    </ActionForm>
  );
}

/** The new password twice, with the policy said plainly (no composition rules to list). */
export function PasswordFields() {
  const t = useTranslations("account.newPassword");
  const bounds = { min: PASSWORD_POLICY.minLength, max: PASSWORD_POLICY.maxLength };
  return (
    <>
      <Field name="password" label={t("password")} hint={t("hint", bounds)}>
        {(field) => (
          <input
            {...field}
            type="password"
            required
            minLength={PASSWORD_POLICY.minLength}
            maxLength={PASSWORD_POLICY.maxLength}
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <Field name="passwordConfirm" label={t("confirm")}>
        {(field) => <input {...field} type="password" required autoComplete="new-password" className={inputClass} />}
      </Field>
    </>
  );
}
