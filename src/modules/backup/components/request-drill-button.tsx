"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestDrillAction } from "../backup.actions";

/** Asks the worker for a restore drill now; the page shows it waiting, then its result. */
export function RequestDrillButton() {
  const t = useTranslations("backup.drill");
  return (
    <ActionForm action={requestDrillAction} doneText={t("requested")}>
      <SubmitButton pendingLabel={t("requesting")}>{t("runNow")}</SubmitButton>
    </ActionForm>
  );
}
