"use client";

import { createContext, useContext, useId, useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/server/action";

type FieldErrors = Record<string, string[]>;
const ErrorsContext = createContext<FieldErrors>({});

interface Props<T> {
  action: (data: FormData) => Promise<ActionResult<T>>;
  /** shown in a live region when the action succeeds */
  doneText: string;
  onDone?: (data: T) => void;
  /** asked with window.confirm before anything is sent */
  confirmText?: string;
  /** empty the fields after success (off for forms that edit what they show) */
  resetOnDone?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A form that calls a server action and says what happened: the error under each field
 * and a message for the whole form. The server decides; this only helps the person.
 */
export function ActionForm<T>({
  action,
  doneText,
  onDone,
  confirmText,
  resetOnDone = true,
  className = "space-y-3",
  children,
}: Props<T>) {
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string; fieldErrors: FieldErrors } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const outcome = await action(data);
      if (outcome.ok) {
        setResult({ ok: true, text: doneText, fieldErrors: {} });
        if (resetOnDone) form.reset();
        onDone?.(outcome.data);
      } else {
        setResult({ ok: false, text: outcome.message, fieldErrors: outcome.fieldErrors ?? {} });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className={className} aria-busy={isPending} noValidate>
      <ErrorsContext.Provider value={result?.fieldErrors ?? {}}>
        <fieldset disabled={isPending} className="contents">
          {children}
        </fieldset>
      </ErrorsContext.Provider>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-800" : "text-red-800"}`}>
          {result.text}
        </p>
      ) : null}
    </form>
  );
}

export interface FieldProps {
  id: string;
  name: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled input with its hint and the server's error for it, linked for screen readers. */
export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const errors = useContext(ErrorsContext)[name];
  const describedBy =
    [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, name, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy })}
      {errors ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The errors of a group of inputs (checkboxes) that has no single label. */
export function GroupError({ name }: { name: string }) {
  const errors = useContext(ErrorsContext)[name];
  return errors ? <p className="text-sm text-red-800">{errors.join(" ")}</p> : null;
}

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-700";
