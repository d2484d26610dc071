"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action";
import { checkAuditChainAction } from "../audit.actions";
import type { ChainCheckResult } from "../server/check-audit-chain";

type State = ActionResult<ChainCheckResult> | null;

export function VerifyChainButton() {
  const t = useTranslations("dashboard.audit");
  const [state, run, isPending] = useActionState<State, FormData>((_prev, form) => checkAuditChainAction(form), null);

  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={isPending}>{isPending ? t("verifying") : t("verify")}</Button>
      {/* Announced to screen readers when the walk finishes. */}
      <p data-testid="chain-result" role="status" aria-live="polite" className="text-sm">
        {state === null ? null : !state.ok ? (
          <span className="text-red-800">{state.message}</span>
        ) : state.data.ok ? (
          <span className="font-medium text-green-800">{t("chainIntact", { count: state.data.checked })}</span>
        ) : (
          <span className="font-medium text-red-800">
            {t("chainBroken", {
              seq: state.data.brokenAt?.seq ?? "?",
              reason: t(`chainReason.${state.data.brokenAt?.reason ?? "HASH_MISMATCH"}`),
            })}
          </span>
        )}
      </p>
    </form>
  );
}
