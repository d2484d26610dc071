"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { publishTenderAction } from "../tender.actions";
import { FormMessage } from "@/components/ui/form-message";
import { problemList, useProblemText } from "./problem-text";

/** Announces the tender; a refusal lists every missing item the use case named. */
export function PublishButton({ tenderId }: { tenderId: string }) {
  const t = useTranslations("tender.setup");
  const router = useRouter();
  const text = useProblemText();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function publish() {
    startTransition(async () => {
      const result = await publishTenderAction({ tenderId });
      setMessage({ ok: result.ok, text: result.ok ? t("published") : result.message });
      setProblems(result.ok ? [] : problemList(result.fieldErrors, text));
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <button type="button" onClick={publish} disabled={isPending} aria-busy={isPending} className={buttonClass()}>
        {t("publish")}
      </button>
      <FormMessage message={message} problems={problems} testId="publish-errors" />
    </div>
  );
}
