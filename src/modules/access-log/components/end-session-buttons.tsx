"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { endOtherSessionsAction, endSessionAction } from "../access-log.actions";

/** "End session" on one row of the owner's session list; the server ends only the owner's own. */
export function EndSessionButton({ sessionId }: { sessionId: string }) {
  const t = useTranslations("accessLog.actions");
  return (
    <ActionForm action={endSessionAction} doneText={t("ended")} confirmText={t("endConfirm")} className="space-y-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary">{t("end")}</SubmitButton>
    </ActionForm>
  );
}

/** Ends every session but the one in use. */
export function EndOtherSessionsButton() {
  const t = useTranslations("accessLog.actions");
  return (
    <ActionForm
      action={endOtherSessionsAction}
      doneText={(data: { ended: number }) => t("endedOthers", { count: data.ended })}
      confirmText={t("endOthersConfirm")}
      className="space-y-1"
    >
      <SubmitButton variant="secondary">{t("endOthers")}</SubmitButton>
    </ActionForm>
  );
}
