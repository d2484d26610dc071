import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

/** One input of a form, described as data so the same renderer serves every vendor form. */
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

/** Label, control, hint and errors, wired for screen readers; values live in the caller's state. */
export function FieldGrid(props: {
  formId: string;
  fields: FieldSpec[];
  values: Record<string, string>;
  errors: Record<string, string[]>;
  onChange: (name: string, value: string) => void;
  chooseLabel: string;
}) {
  const { formId, fields, values, errors, onChange, chooseLabel } = props;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f) => {
        const id = `${formId}-${f.name}`;
        const messages = errors[f.name];
        const describedBy =
          [f.hint ? `${id}-hint` : null, messages?.length ? `${id}-error` : null].filter(Boolean).join(" ") ||
          undefined;
        const common = {
          id,
          name: f.name,
          value: values[f.name] ?? "",
          "aria-invalid": Boolean(messages?.length),
          "aria-describedby": describedBy,
          required: f.required,
          className: inputClass,
        };
        let control: ReactNode;
        if (f.type === "textarea")
          control = <textarea {...common} rows={3} onChange={(e) => onChange(f.name, e.target.value)} />;
        else if (f.type === "select") {
          control = (
            <select {...common} onChange={(e) => onChange(f.name, e.target.value)}>
              <option value="">{chooseLabel}</option>
              {f.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          );
        } else {
          control = (
            <input
              {...common}
              type={f.type ?? "text"}
              autoComplete={f.autoComplete}
              inputMode={f.inputMode}
              list={f.suggestions ? `${id}-list` : undefined}
              onChange={(e) => onChange(f.name, e.target.value)}
            />
          );
        }
        return (
          <div key={f.name} className={f.wide || f.type === "textarea" ? "sm:col-span-2" : ""}>
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
              {f.label}
            </label>
            {control}
            {f.suggestions ? (
              <datalist id={`${id}-list`}>
                {f.suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            ) : null}
            {f.hint ? (
              <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
                {f.hint}
              </p>
            ) : null}
            {messages?.length ? (
              <p id={`${id}-error`} data-testid={`error-${f.name}`} className="mt-1 text-sm text-red-800">
                {messages.join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The form's one message: an error (role alert) or a confirmation (role status). */
export function FormAlert({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return message.ok ? (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      {message.text}
    </p>
  ) : (
    <p
      role="alert"
      data-testid="form-error"
      className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
    >
      {message.text}
    </p>
  );
}

export const initialValues = (fields: FieldSpec[]) => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ""]));
