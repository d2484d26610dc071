"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { disableUserAction, enableUserAction } from "../auth.actions";

interface Props {
  userId: string;
  name: string;
  isDisabled: boolean;
}

/** Disable (with a reason for the audit trail) or enable one user, in a table row. */
export function UserStatusForm({ userId, name, isDisabled }: Props) {
  const t = useTranslations("auth.users");
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    startTransition(async () => {
      const result = isDisabled ? await enableUserAction({ userId }) : await disableUserAction({ userId, reason });
      if (result.ok) {
        setMessage({ ok: true, text: t(isDisabled ? "enabledDone" : "disabledDone", { name }) });
      } else {
        setMessage({ ok: false, text: result.fieldErrors?.reason?.[0] ?? result.message });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      {isDisabled ? null : (
        <div>
          <label htmlFor={`${id}-reason`} className="sr-only">
            {t("reasonFor", { name })}
          </label>
          <input
            id={`${id}-reason`}
            name="reason"
            required
            minLength={3}
            maxLength={500}
            placeholder={t("reason")}
            aria-describedby={`${id}-hint`}
            className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <span id={`${id}-hint`} className="sr-only">
            {t("reasonHint")}
          </span>
        </div>
      )}
      <button
        type="submit"
        disabled={isPending}
        aria-label={t(isDisabled ? "enableFor" : "disableFor", { name })}
        className={buttonClass(isDisabled ? "secondary" : "primary", "px-3 py-1")}
      >
        {t(isDisabled ? "enable" : "disable")}
      </button>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
