"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";

export type FormAction = (
  input: unknown,
) => Promise<{ ok: true; data: unknown } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }>;

/**
 * Runs a server action for a form and keeps what was typed: on an error the values stay
 * and each field shows its message (keys from a use case translated here, the schema's
 * already translated by the action wrapper).
 */
export function useSubmit(action: FormAction) {
  const te = useTranslations("errors");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  // Before hydration a click would submit the form natively; the button waits until then.
  const [isReady, setIsReady] = useState(false);
  useEffect(() => setIsReady(true), []);

  function submit(input: unknown, onSuccess: (data: unknown) => void | Promise<void>) {
    startTransition(async () => {
      const result = await action(input).catch(() => null);
      if (!result) {
        setMessage({ ok: false, text: te("unexpected", { ref: "-" }) });
        return;
      }
      if (!result.ok) {
        const translated = Object.fromEntries(
          Object.entries(result.fieldErrors ?? {}).map(([k, list]) => [k, list.map((m) => (te.has(m) ? te(m) : m))]),
        );
        setErrors(translated);
        setMessage({ ok: false, text: result.message });
        return;
      }
      setErrors({});
      await onSuccess(result.data);
    });
  }
  return { errors, message, setMessage, isPending, isReady, submit };
}
