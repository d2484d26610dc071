"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action";
import { checkAuditLogAction } from "../audit.actions";
import type { AuditLogCheckResult } from "../server/check-audit-log";

type State = ActionResult<AuditLogCheckResult> | null;

export function VerifyLogButton() {
  const t = useTranslations("dashboard.audit");
  const [state, run, isPending] = useActionState<State, FormData>((_prev, form) => checkAuditLogAction(form), null);

  return (
    <form action={run} className="space-y-2">
      <Button type="submit" disabled={isPending}>
        {isPending ? t("verifying") : t("verify")}
      </Button>
      {/* Announced to screen readers when the check finishes. */}
      <div data-testid="chain-result" role="status" aria-live="polite" className="text-sm">
        {state === null ? null : !state.ok ? (
          <p className="text-red-800">{state.message}</p>
        ) : state.data.ok ? (
          <p className="font-medium text-green-800">
            {t("logIntact", {
              count: state.data.checked,
              size: state.data.latestHead?.treeSize ?? "0",
              pending: state.data.pending,
            })}
          </p>
        ) : (
          <>
            <p className="font-medium text-red-800">{t("logBroken", { count: state.data.findings.length })}</p>
            <ul className="list-disc space-y-1 pl-5 text-red-800">
              {state.data.findings.map((f, i) => (
                <li key={i}>
                  {f.seq ? <span className="font-mono">#{f.seq} </span> : null}
                  <span className="font-mono">{f.kind}</span>:{" "}
                  {t(`${f.seq ? "finding" : "findingAtSize"}.${f.kind}`, {
                    seq: f.seq ?? "-",
                    index: f.logIndex ?? "-",
                    size: f.treeSize ?? "-",
                  })}
                </li>
              ))}
            </ul>
            {state.data.pending > 0 ? (
              <p className="text-slate-700">{t("pending", { count: state.data.pending })}</p>
            ) : null}
          </>
        )}
      </div>
    </form>
  );
}
