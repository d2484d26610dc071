"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass, type FieldProps } from "@/components/ui/form";

/** One input of a vendor form, as data: the company's fields serve registration and the profile alike. */
export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "tel" | "textarea" | "select";
  options?: { value: string; label: string }[];
  /** a <datalist> of suggestions (free text still allowed; the server decides) */
  suggestions?: readonly string[];
  hint?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  initial?: string;
  required?: boolean;
  /** spans both columns */
  wide?: boolean;
}

/** Vendor fields in two columns, each a labelled Field of the form around them. */
export function SpecFields({ fields }: { fields: readonly FieldSpec[] }) {
  const t = useTranslations("vendors.form");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((spec) => (
        <Field
          key={spec.name}
          name={spec.name}
          label={spec.label}
          hint={spec.hint}
          className={spec.wide || spec.type === "textarea" ? "space-y-1 sm:col-span-2" : "space-y-1"}
        >
          {(field) => <Control spec={spec} field={field} chooseLabel={t("choose")} />}
        </Field>
      ))}
    </div>
  );
}

function Control({ spec, field, chooseLabel }: { spec: FieldSpec; field: FieldProps; chooseLabel: string }) {
  const common = { ...field, defaultValue: spec.initial ?? "", required: spec.required, className: inputClass };
  if (spec.type === "textarea") return <textarea {...common} rows={3} />;
  if (spec.type === "select")
    return (
      <select {...common}>
        <option value="">{chooseLabel}</option>
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  const listId = spec.suggestions ? `${field.id}-list` : undefined;
  return (
    <>
      <input
        {...common}
        type={spec.type ?? "text"}
        autoComplete={spec.autoComplete}
        inputMode={spec.inputMode}
        list={listId}
      />
      {spec.suggestions ? (
        <datalist id={listId}>
          {spec.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
