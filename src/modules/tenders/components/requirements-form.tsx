"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, Field, GroupError, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateTenderRequirementsAction } from "../tender.actions";
import { RequirementRows } from "./requirement-rows";
import { toRequirementsInput } from "./requirements-input";

/** The stored requirements as the form's text, amounts formatted as typed ("1.000.000.000"). */
export interface RequirementsValues {
  permits: { kind: string; kbli: string }[];
  experience: { minCount: string; minValue: string; withinYears: string } | null;
  staff: { position: string; minCount: string; minYears: string; education: string }[];
  equipment: { name: string; minCount: string }[];
  financial: { minNetWorth: string; taxReturn: boolean } | null;
}

interface Props {
  tenderId: string;
  /** a Tender Cepat qualifies from the verified profile: only its bid parts are chosen here */
  isCepat: boolean;
  values: RequirementsValues;
  /** the parts the procedure offers (with their names) and those chosen now */
  parts: readonly { value: string; label: string }[];
  chosenParts: readonly string[];
  /** the tender asks a bid security: its document is a part of every bid */
  hasBidSecurity: boolean;
  /** each list's bound (qualification/domain REQUIREMENT_LIMITS) */
  limits: { permits: number; staff: number; equipment: number };
}

export function RequirementsForm(props: Props) {
  const t = useTranslations("qualification.requirements");
  const router = useRouter();
  const { values, limits } = props;
  return (
    <ActionForm
      action={(data) => updateTenderRequirementsAction(toRequirementsInput(data))}
      doneText={t("saved")}
      onDone={() => router.refresh()}
      resetOnDone={false}
      className="space-y-5"
    >
      <input type="hidden" name="tenderId" value={props.tenderId} />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("bidParts")}</legend>
        <p className="text-sm text-slate-600">{t("bidPartsHint")}</p>
        <div className="flex flex-wrap gap-4 text-sm">
          {props.parts.map((p) => (
            <label key={p.value} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-6"
                name="bidParts"
                value={p.value}
                defaultChecked={props.chosenParts.includes(p.value)}
              />
              {p.label}
            </label>
          ))}
        </div>
        {props.hasBidSecurity ? <p className="text-sm text-slate-600">{t("bidPartsSecurity")}</p> : null}
        <GroupError name="bidParts" />
      </fieldset>
      {props.isCepat ? (
        <p className="text-sm text-slate-600">{t("cepatHint")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <RequirementRows
            name="requirements.permits"
            legend={t("permits")}
            max={limits.permits}
            initial={values.permits}
            columns={[
              { field: "kind", label: t("permitKind"), maxLength: 200 },
              { field: "kbli", label: t("permitKbli"), hint: t("permitKbliHint"), maxLength: 2000 },
            ]}
          />
          <fieldset className="grid gap-3 sm:grid-cols-3">
            <legend className="font-medium">{t("experience")}</legend>
            <p className="text-sm text-slate-600 sm:col-span-3">{t("experienceHint")}</p>
            <Field name="requirements.experience.minCount" label={t("experienceMinCount")}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  max={100}
                  defaultValue={values.experience?.minCount}
                  className={inputClass}
                />
              )}
            </Field>
            <Field name="requirements.experience.minValue" label={t("experienceMinValue")}>
              {(p) => (
                <input {...p} inputMode="numeric" defaultValue={values.experience?.minValue} className={inputClass} />
              )}
            </Field>
            <Field name="requirements.experience.withinYears" label={t("experienceWithinYears")}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  max={50}
                  defaultValue={values.experience?.withinYears}
                  className={inputClass}
                />
              )}
            </Field>
          </fieldset>
          <RequirementRows
            name="requirements.staff"
            legend={t("staff")}
            max={limits.staff}
            initial={values.staff}
            columns={[
              { field: "position", label: t("staffPosition"), maxLength: 200 },
              { field: "minCount", label: t("count"), type: "number", min: 1, max: 100 },
              { field: "minYears", label: t("staffMinYears"), type: "number", min: 0, max: 50 },
              { field: "education", label: t("staffEducation"), hint: t("staffEducationHint"), maxLength: 200 },
            ]}
          />
          <RequirementRows
            name="requirements.equipment"
            legend={t("equipment")}
            max={limits.equipment}
            initial={values.equipment}
            columns={[
              { field: "name", label: t("equipmentName"), maxLength: 200 },
              { field: "minCount", label: t("count"), type: "number", min: 1, max: 100 },
            ]}
          />
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="font-medium">{t("financial")}</legend>
            <Field
              name="requirements.financial.minNetWorth"
              label={t("financialMinNetWorth")}
              hint={t("emptyNotAsked")}
            >
              {(p) => (
                <input {...p} inputMode="numeric" defaultValue={values.financial?.minNetWorth} className={inputClass} />
              )}
            </Field>
            <label className="flex items-center gap-2 self-end text-sm">
              <input
                type="checkbox"
                className="size-6"
                name="requirements.financial.taxReturn"
                defaultChecked={values.financial?.taxReturn ?? false}
              />
              {t("financialTaxReturn")}
            </label>
            <GroupError name="requirements.financial" />
          </fieldset>
          <GroupError name="requirements" />
        </>
      )}
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
