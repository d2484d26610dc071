"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { ProcurementCategory } from "@/generated/prisma/enums";
import { parseRupiah } from "@/lib/money";
import type { MethodRuleRow } from "../domain/method-rule-rows";
import { createPaketAction, updatePaketAction } from "../paket.actions";
import { HpsItemsFieldset } from "./hps-items-fieldset";
import { MethodPreview } from "./method-preview";
import { typedHpsTotal, type PaketFormValues } from "./paket-form-values";

interface Props {
  /** set when editing an existing paket */
  paketId?: string;
  initial: PaketFormValues;
  workUnits: { id: string; name: string; agencyName: string }[];
  rules: MethodRuleRow[];
  /** the paket's creation date (ISO) for the preview; a new paket: today */
  judgedOn: string;
}

type TextKey = "rupCode" | "name" | "fiscalYear" | "fundingSource" | "pagu" | "location";
const TEXT_FIELDS: { key: TextKey; hint?: string; numeric?: boolean }[] = [
  { key: "rupCode" },
  { key: "name" },
  { key: "fiscalYear", numeric: true },
  { key: "fundingSource", hint: "fundingSourceHint" },
  { key: "pagu", hint: "amountHint", numeric: true },
  { key: "location" },
];

/** Create or edit a paket. The method preview runs the server's rule on every keystroke. */
export function PaketForm({ paketId, initial, workUnits, rules, judgedOn }: Props) {
  const t = useTranslations("paket.form");
  const c = useTranslations("common");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof PaketFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const hps = typedHpsTotal(values.items);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = paketId ? await updatePaketAction({ ...values, paketId }) : await createPaketAction(values);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setAlert({ ok: false, text: result.message });
        return;
      }
      setErrors({});
      if ("id" in result.data) return router.push(`/paket/${result.data.id}`);
      setAlert({ ok: true, text: t(result.data.changed.length ? "saved" : "unchanged") });
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormMessage message={alert} />
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT_FIELDS.map(({ key, hint, numeric }) => (
          <Field key={key} name={key} label={t(key)} hint={hint ? t(hint) : undefined} errors={errors[key]}>
            {(aria) => (
              <input
                {...aria}
                name={key}
                inputMode={numeric ? "numeric" : undefined}
                value={values[key]}
                onChange={(e) => set(key, e.target.value)}
                className={inputClass}
              />
            )}
          </Field>
        ))}
        <Field name="category" label={t("category")} errors={errors.category}>
          {(aria) => (
            <select
              {...aria}
              name="category"
              value={values.category}
              onChange={(e) => set("category", e.target.value)}
              className={inputClass}
            >
              {Object.values(ProcurementCategory).map((category) => (
                <option key={category} value={category}>
                  {c(`category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="workUnitId" label={t("workUnit")} errors={errors.workUnitId}>
          {(aria) => (
            <select
              {...aria}
              name="workUnitId"
              value={values.workUnitId}
              onChange={(e) => set("workUnitId", e.target.value)}
              className={inputClass}
            >
              <option value="">{t("chooseWorkUnit")}</option>
              {workUnits.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name} — {unit.agencyName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <HpsItemsFieldset
        items={values.items}
        total={hps}
        errors={errors}
        onChange={(items) => setValues((v) => ({ ...v, items }))}
      />
      <MethodPreview rules={rules} category={values.category} hps={hps} pagu={parseRupiah(values.pagu)} on={judgedOn} />
      <button type="submit" disabled={isPending} className={buttonClass("primary")}>
        {isPending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
