"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { registerForTenderAction } from "../participation.actions";

/** The click that registers the company; the server decides, then `onRegistered` shows the result. */
export function RegisterButtonForm({
  tenderId,
  onRegistered,
}: {
  tenderId: string;
  onRegistered: () => Promise<void>;
}) {
  const t = useTranslations("vendors.participation");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function register() {
    setError(null);
    startTransition(async () => {
      const result = await registerForTenderAction({ tenderId });
      if (!result.ok) return setError(result.message);
      await onRegistered();
    });
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={register}
        disabled={isPending}
        aria-busy={isPending}
        className={buttonClass("primary")}
      >
        {isPending ? t("registering") : t("register")}
      </button>
      {error ? (
        <p role="alert" data-testid="register-error" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
