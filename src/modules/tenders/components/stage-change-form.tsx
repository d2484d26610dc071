"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { fromZonedLocal } from "@/lib/zoned-time";
import { changeStageScheduleAction } from "../tender.actions";
import { FormMessage } from "@/components/ui/form-message";
import { problemList, useProblemText } from "./problem-text";

interface Props {
  tenderId: string;
  stageId: string;
  kind: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  /** a running stage keeps its start */
  hasStarted: boolean;
  /** the stage's minimum length, fixed when the schedule was set; the server checks it */
  minHours: number;
}

/** "Ubah jadwal" for one stage that has not passed: new start/end and a public reason. */
export function StageChangeForm({ tenderId, stageId, kind, timeZone, startsAt, endsAt, hasStarted, minHours }: Props) {
  const t = useTranslations("tender");
  const id = useId();
  const router = useRouter();
  const text = useProblemText([kind]);
  const stage = t(`stage.${kind}`);
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const instant = (name: string) => fromZonedLocal(String(form.get(name) ?? ""), timeZone)?.toISOString() ?? "";
    startTransition(async () => {
      const result = await changeStageScheduleAction({
        tenderId,
        stageId,
        startsAt: instant("startsAt"),
        endsAt: instant("endsAt"),
        reason: form.get("reason"),
      });
      setMessage({ ok: result.ok, text: result.ok ? t("running.changed", { stage }) : result.message });
      setProblems(result.ok ? [] : problemList(result.fieldErrors, text));
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
        {t("running.change")}
        <span className="sr-only"> {stage}</span>
      </button>
      <form
        id={`${id}-form`}
        hidden={!isOpen}
        onSubmit={onSubmit}
        aria-label={t("running.changeOf", { stage })}
        className="mt-2 space-y-2"
      >
        <div className="flex flex-wrap gap-3">
          <input
            type="datetime-local"
            step={1}
            name="startsAt"
            aria-label={t("running.newStartOf", { stage })}
            defaultValue={startsAt}
            readOnly={hasStarted}
            aria-describedby={hasStarted ? `${id}-locked` : undefined}
            required
            className={`${input} read-only:bg-slate-100`}
          />
          <input
            type="datetime-local"
            step={1}
            name="endsAt"
            aria-label={t("running.newEndOf", { stage })}
            defaultValue={endsAt}
            min={hasStarted ? endsAt : undefined}
            aria-describedby={`${id}-rules`}
            required
            className={input}
          />
        </div>
        {hasStarted ? (
          <p id={`${id}-locked`} className="text-sm text-slate-600">
            {t("running.startLocked")}
          </p>
        ) : null}
        <p id={`${id}-rules`} className="text-sm text-slate-600">
          {t("running.changeRules", { hours: minHours })}
        </p>
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
            {t("running.reason")}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            required
            minLength={10}
            maxLength={1000}
            aria-describedby={`${id}-rh`}
            className={`${input} w-full`}
          />
          <p id={`${id}-rh`} className="text-sm text-slate-600">
            {t("running.reasonHint")}
          </p>
        </div>
        <button type="submit" disabled={isPending} className={buttonClass("primary", "px-3 py-1")}>
          {t("running.saveChange")}
        </button>
        <FormMessage message={message} problems={problems} />
      </form>
    </div>
  );
}
