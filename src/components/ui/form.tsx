"use client";

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type ReactNode,
} from "react";
import { FormMessage } from "./form-message";

type FieldErrors = Record<string, string[]>;

/** What a server action answers (src/server/action.ts's ActionResult), as far as a form needs it. */
export type FormActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

interface Outcome {
  ok: boolean;
  text: string;
  fieldErrors: FieldErrors;
}

/** What the inputs and the submit button of the form around them need: the server's errors and whether it is busy. */
const FormContext = createContext<{ fieldErrors: FieldErrors; isPending: boolean }>({
  fieldErrors: {},
  isPending: false,
});
export const useFormPending = () => useContext(FormContext).isPending;

interface Props<T> {
  action: (data: FormData) => Promise<FormActionResult<T>>;
  /** shown in a live region when the action succeeds; a function when it depends on the answer */
  doneText: string | ((data: T) => string);
  /** given the action's data and what was sent; the form stays busy until it settles */
  onDone?: (data: T, sent: FormData) => void | Promise<void>;
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
 * Sent from onSubmit rather than <form action>, so the confirmation comes first and a
 * form that edits what it shows keeps its values.
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
  const [outcome, send, isPending] = useActionState(
    async (_previous: Outcome | null, { form, data }: { form: HTMLFormElement; data: FormData }): Promise<Outcome> => {
      const result = await action(data);
      if (!result.ok) return { ok: false, text: result.message, fieldErrors: result.fieldErrors ?? {} };
      if (resetOnDone) form.reset();
      await onDone?.(result.data, data);
      return { ok: true, text: typeof doneText === "function" ? doneText(result.data) : doneText, fieldErrors: {} };
    },
    null,
  );
  // After a refusal, keyboard focus goes to the first field the server named, whose label
  // and error (aria-describedby) a screen reader then reads; the alert below says it once too.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (outcome && !outcome.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [outcome]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const form = event.currentTarget;
    startTransition(() => send({ form, data: new FormData(form) }));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className={className} aria-busy={isPending} noValidate>
      <FormContext.Provider value={{ fieldErrors: outcome?.fieldErrors ?? {}, isPending }}>
        <fieldset disabled={isPending} className="contents">
          {children}
        </fieldset>
      </FormContext.Provider>
      <FormMessage message={outcome} />
    </form>
  );
}

export interface FieldProps {
  id: string;
  name: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled input with its hint and the server's error for it, linked for screen readers.
 * Inside an ActionForm the errors come from its last answer; a form that keeps its own
 * state passes them.
 */
export function Field({
  name,
  label,
  hint,
  errors: given,
  className = "space-y-1",
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const fromForm = useContext(FormContext).fieldErrors[name];
  const errors = given ?? fromForm;
  const hasErrors = Boolean(errors?.length);
  const describedBy =
    [hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, name, "aria-invalid": hasErrors ? true : undefined, "aria-describedby": describedBy })}
      {hasErrors ? <FieldError id={`${id}-error`} messages={errors!} /> : null}
    </div>
  );
}

/** The errors of a group of inputs (checkboxes, a table of rows) that has no single label. */
export function GroupError({ name, errors }: { name: string; errors?: string[] }) {
  const fromForm = useContext(FormContext).fieldErrors[name];
  const messages = errors ?? fromForm;
  return messages?.length ? <FieldError messages={messages} /> : null;
}

/**
 * One required choice among a few options (a decision: pass or fail, accept or reject),
 * as radio buttons under a legend, with the group's error from the action's answer.
 */
export function Choice({
  name,
  legend,
  options,
  defaultValue,
  isLegendShown = false,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  isLegendShown?: boolean;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className={isLegendShown ? "text-sm font-medium text-slate-800" : "sr-only"}>{legend}</legend>
      <div className="flex gap-6 text-sm">
        {options.map((option, i) => (
          <label key={option.value} className="flex items-center gap-2">
            {/* 24 px: the minimum target size (WCAG 2.5.8; axe target-size), a default radio is 13 */}
            <input
              type="radio"
              className="size-6"
              name={name}
              value={option.value}
              required={i === 0}
              defaultChecked={defaultValue === option.value}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      <GroupError name={name} />
    </fieldset>
  );
}

function FieldError({ id, messages }: { id?: string; messages: string[] }) {
  return (
    <p id={id} className="text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-700";
