"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { disableTotpAction, regenerateRecoveryCodesAction } from "../two-factor.actions";
import { CodeField } from "./code-field";
import { RecoveryCodeList } from "./recovery-code-list";

/** New recovery codes, shown once; needs a current code from the app. */
export function RegenerateRecoveryCodesForm() {
  const t = useTranslations("security.manage");
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">{t("regenerateTitle")}</h2>
      <p className="text-sm text-slate-700">{t("regenerateIntro")}</p>
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      <ActionForm action={regenerateRecoveryCodesAction} doneText="" onDone={(data) => setCodes(data.recoveryCodes)}>
        <CodeField label={t("code")} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("regenerate")}
        </button>
      </ActionForm>
    </div>
  );
}

/** Turns TOTP off where the roles allow it; needs a current code from the app. */
export function DisableTotpForm() {
  const t = useTranslations("security.manage");
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">{t("disableTitle")}</h2>
      <p className="text-sm text-slate-700">{t("disableIntro")}</p>
      <ActionForm action={disableTotpAction} doneText={t("disabled")} confirmText={t("disableConfirm")}>
        <CodeField label={t("code")} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("disable")}
        </button>
      </ActionForm>
    </div>
  );
}
