"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { REASON_MAX, REASON_MIN } from "@/modules/failure/domain";
import { ActionForm, Field, GroupError, inputClass } from "@/components/ui/form";
import { cancelTenderAction } from "../cancellation.actions";
import { CANCELLATION_GROUNDS, GROUND_DECIDED_BY } from "../domain/cancellation-rules";

/**
 * Tender batal, with the browser's confirm as the last step: the ground, the public reason
 * and the letters uploaded above (all ticked). The server decides every rule again.
 */
export function CancelTenderForm({
  tenderId,
  documents,
}: {
  tenderId: string;
  documents: { id: string; fileName: string }[];
}) {
  const t = useTranslations("remedies.cancel");
  const router = useRouter();
  return (
    <ActionForm
      action={cancelTenderAction}
      doneText={t("done")}
      confirmText={t("confirm")}
      onDone={() => router.refresh()}
    >
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="ground" label={t("ground")}>
        {(field) => (
          <select {...field} required defaultValue="" className={inputClass}>
            <option value="" disabled>
              {t("groundChoose")}
            </option>
            {CANCELLATION_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {t(`grounds.${g}`)}
                {GROUND_DECIDED_BY[g] === "PA_KPA" ? ` (${t("byPaKpa")})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={t("reason")} hint={t("reasonHint")}>
        {(field) => (
          <textarea {...field} required minLength={REASON_MIN} maxLength={REASON_MAX} rows={4} className={inputClass} />
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("documents")}</legend>
        {documents.length === 0 ? <p className="text-sm text-slate-600">{t("noDocuments")}</p> : null}
        {documents.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="documentIds" value={d.id} defaultChecked />
            {d.fileName}
          </label>
        ))}
        <GroupError name="documentIds" />
      </fieldset>
      <button type="submit" className={buttonClass("primary", "bg-red-700 hover:bg-red-800")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
