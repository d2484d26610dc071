"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { chooseTenderMethodAction } from "../tender.actions";
import { FormMessage } from "@/components/ui/form-message";
import { problemList, useProblemText } from "./problem-text";

interface Props {
  tenderId: string;
  method: string;
  /** the methods this tender may run as (domain/tender-cepat.ts selectableMethods), with their names */
  choices: { value: string; label: string }[];
}

/** Runs the draft tender as a tender or a Tender Cepat; the server checks the rule again. */
export function MethodChoiceForm({ tenderId, method, choices }: Props) {
  const t = useTranslations("tender.setup");
  const id = useId();
  const router = useRouter();
  const text = useProblemText();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get("method");
    startTransition(async () => {
      const result = await chooseTenderMethodAction({ tenderId, method: chosen });
      setMessage({ ok: result.ok, text: result.ok ? t("methodSaved") : result.message });
      setProblems(result.ok ? [] : problemList(result.fieldErrors, text));
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-describedby={`${id}-h`}>
      <fieldset>
        <legend className="font-medium">{t("methodChoice")}</legend>
        {choices.map((m) => (
          <label key={m.value} className="mt-1 flex items-center gap-2">
            <input type="radio" name="method" value={m.value} defaultChecked={m.value === method} />
            {m.label}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-h`} className="text-sm text-slate-600">
        {t("methodChoiceHint")}
      </p>
      <button type="submit" disabled={isPending} className={buttonClass()}>
        {t("saveMethod")}
      </button>
      <FormMessage message={message} problems={problems} />
    </form>
  );
}
