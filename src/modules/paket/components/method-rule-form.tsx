"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { ProcurementCategory } from "@/generated/prisma/enums";
import { addMethodRuleAction } from "../paket.actions";
import { Field, FormAlert, inputClass } from "./form-field";

/** ADMIN_LPSE records a new regulation as a new rule row; nothing needs a release. */
export function MethodRuleForm() {
  const t = useTranslations("paket.rules");
  const c = useTranslations("common");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await addMethodRuleAction(data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setAlert({ tone: "error", text: result.message });
        return;
      }
      setErrors({});
      setAlert({ tone: "success", text: t("added") });
      form.reset();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">{t("addHint")}</p>
      <FormAlert message={alert?.text ?? null} tone={alert?.tone ?? "error"} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="rule-category" name="category" label={t("category")} errors={errors.category}>
          {(aria) => (
            <select {...aria} name="category" className={inputClass}>
              {Object.values(ProcurementCategory).map((cat) => (
                <option key={cat} value={cat}>
                  {c(`category.${cat}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rule-effectiveFrom" name="effectiveFrom" label={t("effectiveFrom")} errors={errors.effectiveFrom}>
          {(aria) => <input {...aria} type="date" name="effectiveFrom" className={inputClass} />}
        </Field>
        <Field id="rule-limit" name="limit" label={t("limitLabel")} errors={errors.limit}>
          {(aria) => <input {...aria} name="limit" inputMode="numeric" className={inputClass} />}
        </Field>
        <Field
          id="rule-legalBasis"
          name="legalBasis"
          label={t("legalBasis")}
          errors={errors.legalBasis}
          className="sm:col-span-3"
        >
          {(aria) => <input {...aria} name="legalBasis" className={inputClass} />}
        </Field>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass("primary")}>
        {isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
