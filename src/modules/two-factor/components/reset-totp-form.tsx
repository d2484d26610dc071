"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { resetUserTotpAction } from "../two-factor.actions";

/** ADMIN_LPSE resets a user's TOTP after a lost device, with a reason for the audit trail. */
export function ResetTotpForm({ userId }: { userId: string }) {
  const t = useTranslations("security.reset");
  return (
    <ActionForm action={resetUserTotpAction} doneText={t("done")} confirmText={t("confirm")} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <Field name="reason" label={t("reason")} hint={t("reasonHint")}>
        {(field) => <input {...field} required minLength={3} maxLength={500} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
