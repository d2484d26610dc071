"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { passSecondFactorAction } from "../two-factor.actions";
import { CodeField } from "./code-field";

/** The sign-in's second step: on success the target page loads fully with the completed session. */
export function SecondFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("security.signInStep");
  return (
    <ActionForm action={passSecondFactorAction} doneText={t("done")} onDone={() => window.location.assign(callbackUrl)}>
      <CodeField label={t("code")} hint={t("codeHint")} acceptsRecoveryCode autoFocus />
      <button type="submit" className={buttonClass("primary", "w-full")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
