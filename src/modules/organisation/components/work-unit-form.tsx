"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { changeWorkUnitAction, createWorkUnitAction } from "../organisation.actions";

/** Add a work unit (satker) to an agency, or change one (`unit` given). */
export function WorkUnitForm(props: { agencyId: string } | { unit: { id: string; code: string; name: string } }) {
  const t = useTranslations("organisation.workUnits");
  const unit = "unit" in props ? props.unit : null;
  return (
    <ActionForm<unknown>
      action={unit ? changeWorkUnitAction : createWorkUnitAction}
      doneText={t(unit ? "changed" : "created")}
      resetOnDone={!unit}
      className="flex flex-wrap items-end gap-3"
    >
      {unit ? (
        <input type="hidden" name="workUnitId" value={unit.id} />
      ) : (
        <input type="hidden" name="agencyId" value={"agencyId" in props ? props.agencyId : ""} />
      )}
      <Field name="code" label={t("code")}>
        {(field) => <input {...field} required maxLength={30} defaultValue={unit?.code} className={inputClass} />}
      </Field>
      <Field name="name" label={t("name")} className="min-w-0 flex-1 space-y-1">
        {(field) => <input {...field} required maxLength={200} defaultValue={unit?.name} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass(unit ? "secondary" : "primary")}>
        {t(unit ? "save" : "add")}
      </button>
    </ActionForm>
  );
}
