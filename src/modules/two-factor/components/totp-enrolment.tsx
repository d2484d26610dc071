"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from "../two-factor.actions";
import { CodeField } from "./code-field";
import { RecoveryCodeList } from "./recovery-code-list";

/** Starts enrolment (the page then shows the QR code it drew on the server). */
export function StartEnrolmentForm({ again }: { again: boolean }) {
  const t = useTranslations("security.enrol");
  return (
    <ActionForm action={startTotpEnrolmentAction} doneText="">
      <button type="submit" className={buttonClass(again ? "secondary" : "primary")}>
        {t(again ? "restart" : "start")}
      </button>
    </ActionForm>
  );
}

/** Confirms enrolment with a code; then shows the recovery codes once and the way on. */
export function ConfirmEnrolmentForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("security.enrol");
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <div className="space-y-4">
        <RecoveryCodeList codes={codes} />
        {/* a full load, so every server component sees the completed session */}
        <a href={callbackUrl} className={buttonClass("primary")}>
          {t("continue")}
        </a>
      </div>
    );
  return (
    <ActionForm action={confirmTotpEnrolmentAction} doneText="" onDone={(data) => setCodes(data.recoveryCodes)}>
      <p>{t("confirmStep")}</p>
      <CodeField label={t("code")} />
      <button type="submit" className={buttonClass("primary")}>
        {t("confirm")}
      </button>
    </ActionForm>
  );
}
