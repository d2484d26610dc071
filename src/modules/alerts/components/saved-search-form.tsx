"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, Choice, Field, GroupError, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { createSavedSearchAction, updateSavedSearchAction } from "../alerts.actions";
import { ALERT_FREQUENCIES } from "../domain/frequency";

/** What the edit form starts from; amounts as text, as they were typed. */
export interface SavedSearchValues {
  id: string;
  name: string;
  kbli: string[];
  region: string | null;
  categories: string[];
  minValue: string | null;
  maxValue: string | null;
  keyword: string | null;
  frequency: string;
}

/**
 * Saves a new search, or edits `search`. The KBLI field starts with the codes of the
 * vendor's verified profile for a new search; the server checks everything again.
 */
export function SavedSearchForm({
  search,
  suggestedKbli,
  categoryOptions,
}: {
  search?: SavedSearchValues;
  suggestedKbli: readonly string[];
  /** the categories with their names (common.category, translated on the server) */
  categoryOptions: readonly { value: string; label: string }[];
}) {
  const t = useTranslations("alerts.form");
  const router = useRouter();
  const categories = new Set(search?.categories ?? []);
  return (
    <ActionForm
      action={(data) => (search ? updateSavedSearchAction(data) : createSavedSearchAction(data))}
      doneText={search ? t("updated") : t("created")}
      onDone={() => router.refresh()}
      resetOnDone={!search}
      className="space-y-4"
    >
      {search ? <input type="hidden" name="savedSearchId" value={search.id} /> : null}
      <Field name="name" label={t("name")} hint={t("nameHint")}>
        {(props) => <input {...props} defaultValue={search?.name} required maxLength={100} className={inputClass} />}
      </Field>
      <Field
        name="kbli"
        label={t("kbli")}
        hint={suggestedKbli.length ? t("kbliHintProfile", { codes: suggestedKbli.join(", ") }) : t("kbliHint")}
      >
        {(props) => (
          <input
            {...props}
            defaultValue={(search?.kbli ?? suggestedKbli).join(", ")}
            inputMode="numeric"
            className={inputClass}
          />
        )}
      </Field>
      <Field name="region" label={t("region")} hint={t("regionHint")}>
        {(props) => <input {...props} defaultValue={search?.region ?? ""} maxLength={100} className={inputClass} />}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("categories")}</legend>
        <p className="text-xs text-slate-600">{t("categoriesHint")}</p>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {categoryOptions.map((c) => (
            <label key={c.value} className="flex items-center gap-2">
              <input type="checkbox" name="categories" value={c.value} defaultChecked={categories.has(c.value)} />{" "}
              {c.label}
            </label>
          ))}
        </div>
        <GroupError name="categories" />
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Field name="minValue" label={t("minValue")} hint={t("valueHint")}>
          {(props) => (
            <input {...props} defaultValue={search?.minValue ?? ""} inputMode="numeric" className={inputClass} />
          )}
        </Field>
        <Field name="maxValue" label={t("maxValue")} hint={t("valueHint")}>
          {(props) => (
            <input {...props} defaultValue={search?.maxValue ?? ""} inputMode="numeric" className={inputClass} />
          )}
        </Field>
      </div>
      <Field name="keyword" label={t("keyword")} hint={t("keywordHint")}>
        {(props) => <input {...props} defaultValue={search?.keyword ?? ""} maxLength={200} className={inputClass} />}
      </Field>
      <Choice
        name="frequency"
        legend={t("frequency")}
        isLegendShown
        defaultValue={search?.frequency ?? "IMMEDIATE"}
        options={ALERT_FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))}
      />
      <SubmitButton pendingLabel={t("saving")}>{search ? t("update") : t("create")}</SubmitButton>
    </ActionForm>
  );
}
