"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { markTenderTransferredAction } from "../transfer.actions";

/**
 * ADMIN_LPSE's "mark as moved": the tender's address at its new home and the manifest hash
 * of the bundle that carried it. The server checks everything again; once done, nothing
 * about the tender changes here any more.
 */
export function MarkTransferredForm({ code, manifestSha256 }: { code: string; manifestSha256: string | null }) {
  const t = useTranslations("transfer.export");
  return (
    <ActionForm
      action={markTenderTransferredAction}
      doneText={(data) => t("marked", { code: data.code, notified: data.notified })}
      className="space-y-4"
    >
      <input type="hidden" name="code" value={code} />
      <Field name="destinationName" label={t("destinationName")} hint={t("destinationNameHint")}>
        {(field) => <input {...field} required maxLength={200} className={inputClass} />}
      </Field>
      <Field name="destinationUrl" label={t("destinationUrl")} hint={t("destinationUrlHint")}>
        {(field) => <input {...field} type="url" required maxLength={500} className={inputClass} />}
      </Field>
      <Field name="manifestSha256" label={t("manifestSha256")} hint={t("manifestSha256Hint")}>
        {(field) => (
          <input
            {...field}
            required
            defaultValue={manifestSha256 ?? ""}
            pattern="[0-9a-fA-F]{64}"
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <p className="text-sm text-amber-800">{t("markWarning")}</p>
      <SubmitButton pendingLabel={t("marking")}>{t("mark")}</SubmitButton>
    </ActionForm>
  );
}
