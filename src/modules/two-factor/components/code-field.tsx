"use client";

import { Field, inputClass } from "@/components/ui/form";

/**
 * The one field a code from the authenticator app is typed into. `acceptsRecoveryCode`: the
 * sign-in step also takes a recovery code (letters), so the phone shows a full keyboard there.
 */
export function CodeField({
  label,
  hint,
  acceptsRecoveryCode = false,
  autoFocus = false,
}: {
  label: string;
  hint?: string;
  acceptsRecoveryCode?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Field name="code" label={label} hint={hint}>
      {(field) => (
        <input
          {...field}
          required
          autoFocus={autoFocus}
          autoComplete="one-time-code"
          inputMode={acceptsRecoveryCode ? "text" : "numeric"}
          maxLength={40}
          className={inputClass}
        />
      )}
    </Field>
  );
}
