"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, GroupError, inputClass } from "@/components/ui/form";

export interface Column {
  field: string;
  label: string;
  hint?: string;
  /** "number" for counts and years; text otherwise */
  type?: "number" | "text";
  inputMode?: "numeric";
  min?: number;
  max?: number;
  maxLength?: number;
}

/**
 * One list of requirement rows ("requirements.staff"): each input named by where it stands
 * ("requirements.staff.0.position"), so the server's refusal lands beside it. A row left
 * empty is no row, so the list always offers a blank one to fill; "add" and "remove" only
 * spare the Pokja clearing fields by hand. At most `max` rows (the list's own bound).
 */
export function RequirementRows({
  name,
  legend,
  columns,
  initial,
  max,
}: {
  name: string;
  legend: string;
  columns: readonly Column[];
  initial: readonly Record<string, string>[];
  max: number;
}) {
  const t = useTranslations("qualification.requirements");
  const [rows, setRows] = useState(() => {
    const start = initial.map((values, i) => ({ key: i, values }));
    return start.length < max ? [...start, { key: start.length, values: {} }] : start;
  });
  const [nextKey, setNextKey] = useState(rows.length);
  const add = () => {
    setRows((r) => [...r, { key: nextKey, values: {} }]);
    setNextKey((k) => k + 1);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-12">
          {columns.map((c) => (
            <Field
              key={c.field}
              name={`${name}.${index}.${c.field}`}
              label={t("cell", { label: c.label, row: index + 1 })}
              hint={c.hint}
              className={`space-y-1 ${c.type === "number" ? "sm:col-span-2" : "sm:col-span-4"}`}
            >
              {(props) => (
                <input
                  {...props}
                  type={c.type ?? "text"}
                  inputMode={c.inputMode}
                  min={c.min}
                  max={c.max}
                  maxLength={c.maxLength}
                  defaultValue={row.values[c.field] ?? ""}
                  className={inputClass}
                />
              )}
            </Field>
          ))}
          <div className="flex items-end sm:col-span-2">
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}
            >
              {t("removeRow", { row: index + 1 })}
            </button>
          </div>
        </div>
      ))}
      <GroupError name={name} />
      {rows.length < max ? (
        <button type="button" className={buttonClass("secondary")} onClick={add}>
          {t("addRow", { list: legend })}
        </button>
      ) : null}
    </fieldset>
  );
}
