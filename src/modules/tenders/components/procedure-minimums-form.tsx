"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, GroupError, inputClass } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import type { ProcedureStage } from "../domain/stage-minimums";
import { updateProcedureMinimumsAction } from "../tender.actions";

interface Props {
  procedure: { id: string; key: string; stages: ProcedureStage[]; addendumMinHours: number; addendumMinBasis: string };
  canManage: boolean;
}

/**
 * One procedure's minimum stage lengths and addendum time, each with its basis. ADMIN_LPSE
 * edits them; everyone else who may read them sees the same table with the fields locked.
 */
export function ProcedureMinimumsForm({ procedure, canManage }: Props) {
  const t = useTranslations("tender.procedures");
  const c = useTranslations("common");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const payload = {
      procedureId: procedure.id,
      stages: procedure.stages.map((_, i) => ({ minHours: data.get(`minHours-${i}`), basis: data.get(`basis-${i}`) })),
      addendumMinHours: data.get("addendumMinHours"),
      addendumMinBasis: data.get("addendumMinBasis"),
    };
    startTransition(async () => {
      const result = await updateProcedureMinimumsAction(payload);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setAlert({ ok: result.ok, text: result.ok ? t("saved") : result.message });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("formLabel", { key: procedure.key })} className="space-y-4">
      <FormMessage message={alert} />
      <fieldset disabled={!canManage || isPending} className="space-y-4">
        <Table label={t("tableLabel", { key: procedure.key })}>
          <thead>
            <tr>
              <Th>{t("stage")}</Th>
              <Th>{t("defaultDays")}</Th>
              <Th>{t("minHours")}</Th>
              <Th>{t("basis")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {procedure.stages.map((stage, i) => {
              const label = c(`stage.${stage.kind}`);
              const rowErrors = [...(errors[`stages.${i}.minHours`] ?? []), ...(errors[`stages.${i}.basis`] ?? [])];
              return (
                <tr key={stage.kind}>
                  <Td>{label}</Td>
                  <Td className="tabular-nums">{stage.days}</Td>
                  <Td>
                    <input
                      name={`minHours-${i}`}
                      type="number"
                      min={0}
                      step={1}
                      defaultValue={stage.minHours}
                      aria-label={t("minHoursOf", { stage: label })}
                      className={`${inputClass} w-24`}
                    />
                  </Td>
                  <Td>
                    <input
                      name={`basis-${i}`}
                      defaultValue={stage.basis}
                      aria-label={t("basisOf", { stage: label })}
                      className={inputClass}
                    />
                    <GroupError name={`stages.${i}`} errors={rowErrors} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field
            name="addendumMinHours"
            label={t("addendumMinHours")}
            hint={t("addendumHint")}
            errors={errors.addendumMinHours}
          >
            {(aria) => (
              <input
                {...aria}
                name="addendumMinHours"
                type="number"
                min={0}
                step={1}
                defaultValue={procedure.addendumMinHours}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            name="addendumMinBasis"
            label={t("basis")}
            errors={errors.addendumMinBasis}
            className="space-y-1 sm:col-span-3"
          >
            {(aria) => (
              <input
                {...aria}
                name="addendumMinBasis"
                defaultValue={procedure.addendumMinBasis}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        {canManage ? (
          <button type="submit" className={buttonClass("primary")}>
            {isPending ? t("saving") : t("save")}
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}
