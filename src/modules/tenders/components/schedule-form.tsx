"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { fromZonedLocal } from "@/lib/zoned-time";
import { setTenderScheduleAction } from "../tender.actions";
import { FormMessage } from "@/components/ui/form-message";
import { useProblemText } from "./problem-text";

interface Props {
  tenderId: string;
  timeZone: string;
  /** one row per stage of the procedure; start/end as datetime-local values in the agency zone */
  stages: { kind: string; startsAt: string; endsAt: string; minHours: number }[];
}

/**
 * The draft schedule. The wall times are read in the agency's zone (not the browser's)
 * and sent as instants; the use case checks the order against the database clock.
 */
export function ScheduleForm({ tenderId, timeZone, stages }: Props) {
  const t = useTranslations("tender");
  const router = useRouter();
  const kinds = stages.map((s) => s.kind);
  const text = useProblemText(kinds);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const instant = (name: string) => fromZonedLocal(String(form.get(name) ?? ""), timeZone)?.toISOString() ?? "";
    const payload = {
      tenderId,
      stages: kinds.map((_, i) => ({ startsAt: instant(`start-${i}`), endsAt: instant(`end-${i}`) })),
    };
    startTransition(async () => {
      const result = await setTenderScheduleAction(payload);
      const errors: Record<string, string[]> = {};
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          const [head, part] = field.split(".");
          const kind = head === "schedule" ? part : head === "stages" ? kinds[Number(part)] : undefined;
          (errors[kind ?? ""] ??= []).push(...messages.map((m) => text(field, m)));
        }
      }
      setRowErrors(errors);
      setMessage({ ok: result.ok, text: result.ok ? t("setup.scheduleSaved") : result.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <Table label={t("setup.scheduleLabel")}>
        <thead>
          <tr>
            <Th>{t("setup.stage")}</Th>
            <Th>{t("setup.start")}</Th>
            <Th>{t("setup.end")}</Th>
            <Th>{t("setup.minimum")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stages.map((stage, i) => {
            const name = t(`stage.${stage.kind}`);
            const errors = rowErrors[stage.kind];
            return (
              <tr key={stage.kind} className={errors ? "bg-red-50" : undefined}>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                  {name}
                  {errors ? (
                    <ul className="mt-1 text-sm font-normal text-red-800">
                      {errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  ) : null}
                </th>
                <Td>
                  <input
                    type="datetime-local"
                    step={1}
                    name={`start-${i}`}
                    aria-label={t("setup.startOf", { stage: name })}
                    defaultValue={stage.startsAt}
                    required
                    className="rounded-md border border-slate-300 px-2 py-1"
                  />
                </Td>
                <Td>
                  <input
                    type="datetime-local"
                    step={1}
                    name={`end-${i}`}
                    aria-label={t("setup.endOf", { stage: name })}
                    defaultValue={stage.endsAt}
                    required
                    className="rounded-md border border-slate-300 px-2 py-1"
                  />
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {stage.minHours > 0 ? t("setup.minimumHours", { hours: stage.minHours }) : "–"}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <button type="submit" disabled={isPending} className={buttonClass()}>
        {t("setup.saveSchedule")}
      </button>
      <FormMessage message={message} problems={rowErrors[""] ?? []} />
    </form>
  );
}
