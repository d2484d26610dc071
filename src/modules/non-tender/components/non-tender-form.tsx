"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { NonTenderKind, ProcurementCategory } from "@/generated/prisma/enums";
import { recordNonTenderAction } from "../non-tender.actions";

/** The record form; on success the person lands on the record to attach its documents. */
export function NonTenderForm({ workUnits, today }: { workUnits: { id: string; label: string }[]; today: string }) {
  const t = useTranslations("procurement.nonTender");
  const c = useTranslations("common");
  const router = useRouter();
  return (
    <ActionForm
      action={recordNonTenderAction}
      doneText={t("form.done")}
      onDone={(record) => router.push(`/non-tender/${record.id}`)}
    >
      <Field name="workUnitId" label={t("form.workUnit")}>
        {(field) => (
          <select
            {...field}
            required
            defaultValue={workUnits.length === 1 ? workUnits[0]!.id : ""}
            className={inputClass}
          >
            <option value="" disabled>
              {t("form.chooseWorkUnit")}
            </option>
            {workUnits.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="name" label={t("form.name")}>
        {(field) => <input {...field} required minLength={5} maxLength={300} className={inputClass} />}
      </Field>
      <Field name="rupCode" label={t("form.rupCode")}>
        {(field) => <input {...field} maxLength={50} className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="category" label={t("form.category")}>
          {(field) => (
            <select {...field} required className={inputClass}>
              {Object.values(ProcurementCategory).map((k) => (
                <option key={k} value={k}>
                  {c(`category.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label={t("form.kind")}>
          {(field) => (
            <select {...field} required defaultValue="DILAKSANAKAN_LUAR_SISTEM" className={inputClass}>
              {Object.values(NonTenderKind).map((k) => (
                <option key={k} value={k}>
                  {t(`kindName.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="reason" label={t("form.reason")} hint={t("form.reasonHint")}>
        {(field) => <textarea {...field} required minLength={20} maxLength={4000} rows={4} className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="value" label={t("form.value")}>
          {(field) => <input {...field} required inputMode="numeric" autoComplete="off" className={inputClass} />}
        </Field>
        <Field name="vendorName" label={t("form.vendorName")}>
          {(field) => <input {...field} required minLength={2} maxLength={200} className={inputClass} />}
        </Field>
        <Field name="realizedOn" label={t("form.realizedOn")} hint={t("form.realizedOnHint")}>
          {(field) => <input {...field} type="date" required max={today} className={inputClass} />}
        </Field>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("form.submit")}
      </button>
    </ActionForm>
  );
}
