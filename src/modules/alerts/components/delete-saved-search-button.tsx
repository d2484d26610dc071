"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteSavedSearchAction } from "../alerts.actions";

/** Removes one saved search after a confirmation. */
export function DeleteSavedSearchButton({ savedSearchId, name }: { savedSearchId: string; name: string }) {
  const t = useTranslations("alerts.list");
  const router = useRouter();
  return (
    <ActionForm
      action={deleteSavedSearchAction}
      doneText={t("deleted")}
      confirmText={t("deleteConfirm", { name })}
      onDone={() => router.refresh()}
    >
      <input type="hidden" name="savedSearchId" value={savedSearchId} />
      <SubmitButton variant="secondary">{t("delete")}</SubmitButton>
    </ActionForm>
  );
}
