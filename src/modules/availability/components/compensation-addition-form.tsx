"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { addToCompensationAction } from "../compensation.actions";
import { ADDITION_HOURS, ADDITION_REASON } from "../compensation.schemas";

/** "Tambah kompensasi" for one compensation whose stage has not ended: hours and a public reason. */
export function CompensationAdditionForm({ compensationId, stage }: { compensationId: string; stage: string }) {
  const t = useTranslations("availability.compensation.form");
  const id = useId();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await addToCompensationAction({
        compensationId,
        hours: form.get("hours"),
        reason: form.get("reason"),
      });
      setMessage({ ok: result.ok, text: result.ok ? t("added") : result.message });
      setProblems(result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat());
      if (result.ok) router.refresh();
    });
  }

  const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1";
  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={`${id}-form`}
        onClick={() => setIsOpen(!isOpen)}
        className="text-sm font-medium text-brand-700 underline"
      >
        {t("open")}
        <span className="sr-only"> {stage}</span>
      </button>
      <form
        id={`${id}-form`}
        hidden={!isOpen}
        onSubmit={onSubmit}
        aria-label={t("label", { stage })}
        className="mt-2 space-y-2"
      >
        <div>
          <label htmlFor={`${id}-hours`} className="block text-sm font-medium">
            {t("hours")}
          </label>
          <input
            id={`${id}-hours`}
            type="number"
            name="hours"
            min={ADDITION_HOURS.min}
            max={ADDITION_HOURS.max}
            step={1}
            required
            aria-describedby={`${id}-hh`}
            className={input}
          />
          <p id={`${id}-hh`} className="text-sm text-slate-600">
            {t("hoursHint")}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
            {t("reason")}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            required
            minLength={ADDITION_REASON.min}
            maxLength={ADDITION_REASON.max}
            aria-describedby={`${id}-rh`}
            className={`${input} w-full`}
          />
          <p id={`${id}-rh`} className="text-sm text-slate-600">
            {t("reasonHint")}
          </p>
        </div>
        <button type="submit" disabled={isPending} className={buttonClass("primary", "px-3 py-1")}>
          {t("submit")}
        </button>
        <FormMessage message={message} problems={problems} />
      </form>
    </div>
  );
}
