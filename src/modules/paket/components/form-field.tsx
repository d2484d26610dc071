import type { ReactNode } from "react";

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

/** A field's own messages, linked to its input by aria-describedby. */
export function FieldError({ id, name, messages }: { id: string; name: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} data-testid={`error-${name}`} className="mt-1 text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

interface FieldProps {
  id: string;
  /** the input's name, also naming its errors: data-testid="error-<name>" */
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** Label, control, hint and errors, wired for screen readers. */
export function Field({ id, name, label, hint, errors, className = "", children }: FieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} name={name} messages={errors} />
    </div>
  );
}

/** The form's one message: an error (role alert, data-testid form-error) or a confirmation. */
export function FormAlert({ message, tone }: { message: string | null; tone: "error" | "success" }) {
  if (!message) return null;
  if (tone === "error") {
    return (
      <p
        role="alert"
        data-testid="form-error"
        className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
      >
        {message}
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      {message}
    </p>
  );
}
