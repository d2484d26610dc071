"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { ProcurementCategory } from "@/generated/prisma/enums";
import { addMethodRuleAction } from "../paket.actions";

/** ADMIN_LPSE records a new regulation as a new rule row; nothing needs a release. */
export function MethodRuleForm() {
  const t = useTranslations("paket.rules");
  const c = useTranslations("common");

  return (
    <ActionForm action={addMethodRuleAction} doneText={t("added")} className="space-y-4">
      <p className="text-sm text-slate-600">{t("addHint")}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="category" label={t("category")}>
          {(field) => (
            <select {...field} className={inputClass}>
              {Object.values(ProcurementCategory).map((cat) => (
                <option key={cat} value={cat}>
                  {c(`category.${cat}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="effectiveFrom" label={t("effectiveFrom")}>
          {(field) => <input {...field} type="date" className={inputClass} />}
        </Field>
        <Field name="limit" label={t("limitLabel")}>
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </Field>
        <Field name="legalBasis" label={t("legalBasis")} className="space-y-1 sm:col-span-3">
          {(field) => <input {...field} className={inputClass} />}
        </Field>
      </div>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
