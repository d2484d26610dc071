"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { linkIdentityAction, unlinkIdentityAction } from "../identity.actions";

/** The admin links a person's ID at the central provider to their Segel account. */
export function LinkIdentityForm({ providerName }: { providerName: string }) {
  const t = useTranslations("auth.oidc.admin");
  return (
    <ActionForm action={linkIdentityAction} doneText={t("linked")} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <Field name="email" label={t("email")}>
        {(field) => (
          <input {...field} type="email" required maxLength={254} autoComplete="off" className={inputClass} />
        )}
      </Field>
      <Field
        name="subject"
        label={t("subject", { name: providerName })}
        hint={t("subjectHint", { name: providerName })}
      >
        {(field) => (
          <input {...field} required maxLength={255} autoComplete="off" spellCheck={false} className={inputClass} />
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("link")}
      </button>
    </ActionForm>
  );
}

/** Removes one link, after a confirmation that says whose and which. */
export function UnlinkIdentityForm({
  identityId,
  subject,
  name,
}: {
  identityId: string;
  subject: string;
  name: string;
}) {
  const t = useTranslations("auth.oidc.admin");
  return (
    <ActionForm
      action={unlinkIdentityAction}
      doneText={t("unlinked")}
      confirmText={t("unlinkConfirm", { subject, name })}
      className="space-y-1"
    >
      <input type="hidden" name="identityId" value={identityId} />
      <button
        type="submit"
        aria-label={t("unlinkFor", { subject, name })}
        className={buttonClass("secondary", "px-3 py-1")}
      >
        {t("unlink")}
      </button>
    </ActionForm>
  );
}
