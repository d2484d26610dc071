"use client";

import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { useFormPending } from "./form";
import { useHydrated } from "./use-hydrated";

/**
 * The submit button of an ActionForm: busy while the action runs, saying so with
 * `pendingLabel` when given. It waits for hydration, since before it a click would send
 * the form natively, past the form's own handling.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
  pending,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
  className?: string;
  /** for a form that runs its own transition; inside an ActionForm the form says */
  pending?: boolean;
}) {
  const fromForm = useFormPending();
  const isPending = pending ?? fromForm;
  const isReady = useHydrated();
  return (
    <button
      type="submit"
      disabled={!isReady || isPending}
      aria-busy={isPending}
      className={buttonClass(variant, className)}
    >
      {isPending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
