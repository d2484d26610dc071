"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action";
import { signTreeHeadAction } from "../audit.actions";
import type { TreeHeadJson } from "../domain/tree-head";

type State = ActionResult<TreeHeadJson> | null;

/** Signs a tree head now instead of waiting for the worker (ADMIN_LPSE, AUDITOR). */
export function SignTreeHeadButton() {
  const t = useTranslations("dashboard.audit");
  const [state, run, isPending] = useActionState<State, FormData>((_prev, form) => signTreeHeadAction(form), null);
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="ghost" disabled={isPending}>
        {isPending ? t("signing") : t("signHead")}
      </Button>
      <p data-testid="head-result" role="status" aria-live="polite" className="text-sm">
        {state === null ? null : !state.ok ? (
          <span className="text-red-800">{state.message}</span>
        ) : (
          <span className="text-green-800">
            {t("headSigned", { size: state.data.treeSize, root: state.data.rootHash.slice(0, 16) })}
          </span>
        )}
      </p>
    </form>
  );
}
