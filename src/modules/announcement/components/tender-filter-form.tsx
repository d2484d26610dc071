import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";
import type { TenderFilterOptions } from "../server/find-tender-filter-options";
import { TENDER_SORTS, type TenderSearch } from "../tender-search.schemas";

const FIELD = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A plain GET form: it works without JavaScript, the result has an address that can be
 * shared, and applying it starts again at page 1 (no page field is sent).
 */
export async function TenderFilterForm({ search, options }: { search: TenderSearch; options: TenderFilterOptions }) {
  const [t, c, f] = await Promise.all([
    getTranslations("announcement"),
    getTranslations("common"),
    getTranslations("search.filter"),
  ]);
  const all = <option value="">{t("filter.all")}</option>;
  return (
    <form method="get" action="/tender" className="rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="grid min-w-0 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-base font-semibold">{t("filter.legend")}</legend>
        <Field id="filter-q" label={t("filter.keyword")} hint={t("filter.keywordHint")}>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={search.q ?? ""}
            maxLength={100}
            aria-describedby="filter-q-hint"
            className={FIELD}
          />
        </Field>
        <Field id="filter-year" label={t("filter.year")}>
          <select id="filter-year" name="year" defaultValue={search.year?.toString() ?? ""} className={FIELD}>
            {all}
            {options.fiscalYears.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-agency" label={t("filter.agency")}>
          <select id="filter-agency" name="agency" defaultValue={search.agency ?? ""} className={FIELD}>
            {all}
            {options.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-category" label={t("filter.category")}>
          <select id="filter-category" name="category" defaultValue={search.category ?? ""} className={FIELD}>
            {all}
            {Object.values(ProcurementCategory).map((value) => (
              <option key={value} value={value}>
                {c(`category.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-method" label={t("filter.method")}>
          <select id="filter-method" name="method" defaultValue={search.method ?? ""} className={FIELD}>
            {all}
            {Object.values(ProcurementMethod).map((value) => (
              <option key={value} value={value}>
                {c(`method.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-stage" label={t("filter.stage")}>
          <select id="filter-stage" name="stage" defaultValue={search.stage ?? ""} className={FIELD}>
            {all}
            {Object.values(StageKind).map((value) => (
              <option key={value} value={value}>
                {t(`stage.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-hps-min" label={f("hpsMin")} hint={f("hpsHint")}>
          <input
            id="filter-hps-min"
            name="hpsMin"
            inputMode="numeric"
            defaultValue={search.hpsMin?.toString() ?? ""}
            maxLength={30}
            aria-describedby="filter-hps-min-hint"
            className={FIELD}
          />
        </Field>
        <Field id="filter-hps-max" label={f("hpsMax")} hint={f("hpsHint")}>
          <input
            id="filter-hps-max"
            name="hpsMax"
            inputMode="numeric"
            defaultValue={search.hpsMax?.toString() ?? ""}
            maxLength={30}
            aria-describedby="filter-hps-max-hint"
            className={FIELD}
          />
        </Field>
        <Field id="filter-location" label={f("location")} hint={f("locationHint")}>
          <input
            id="filter-location"
            name="location"
            type="search"
            defaultValue={search.location ?? ""}
            maxLength={100}
            aria-describedby="filter-location-hint"
            className={FIELD}
          />
        </Field>
        <Field id="filter-sort" label={t("filter.sort")}>
          <select id="filter-sort" name="sort" defaultValue={search.sort} className={FIELD}>
            {TENDER_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`sort.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit">{t("filter.apply")}</Button>
          <Link href="/tender" prefetch={false} className="text-sm">
            {t("filter.reset")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
