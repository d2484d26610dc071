"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendInvitationAction } from "../account.actions";

/**
 * For someone who has not set a password yet: a new invitation link by e-mail; the older links
 * stop working (resendInvitation decides who may ask, decision 0033).
 */
export function ResendInvitationButton({ userId, personName }: { userId: string; personName: string }) {
  const t = useTranslations("account.resendInvitation");
  return (
    <ActionForm action={resendInvitationAction} doneText={t("done")} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" className="px-3 py-1" pendingLabel={t("pending")}>
        <span aria-label={t("labelFor", { name: personName })}>{t("label")}</span>
      </SubmitButton>
    </ActionForm>
  );
}
