"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { issueSppbjAction } from "../sppbj.actions";

export function IssueSppbjButton({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies.sppbj");
  return (
    <ActionForm action={issueSppbjAction} doneText={t("done")} confirmText={t("confirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <button type="submit" className={buttonClass()}>
        {t("issue")}
      </button>
    </ActionForm>
  );
}
