"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import type { EvaluationMethod } from "@/generated/prisma/enums";
import { updateTenderSetupAction } from "../tender.actions";
import { FormMessage } from "@/components/ui/form-message";
import { problemList, useProblemText } from "./problem-text";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";

interface Props {
  tenderId: string;
  qualification: string;
  /** KBLI codes, comma separated, and permit kinds, one a line, as stored */
  requiredKbli: string;
  requiredPermits: string;
  /** a Tender Cepat checks these against the verified profile and is judged on price alone */
  isCepat: boolean;
  evaluationMethod: EvaluationMethod | null;
  /** the procedure's methods (a two-file procedure: the consultancy ones) */
  methods: readonly EvaluationMethod[];
  /** seleksi: the tender's passing grade and the procedure's default; null: not a two-file procedure */
  technicalPassingGrade: number | null;
  defaultPassingGrade: number | null;
  technicalWeight: number | null;
  priceWeight: number | null;
  /** formatted amount, or "" */
  bidSecurityAmount: string;
  /** the allowed range, formatted, when the rule asks for bid security */
  bidSecurity: { min: string; max: string; basis: string } | null;
}

export function SetupForm(props: Props) {
  const t = useTranslations("tender");
  const id = useId();
  const router = useRouter();
  const text = useProblemText();
  const [method, setMethod] = useState<string>(props.evaluationMethod ?? "");
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await updateTenderSetupAction({ ...data, tenderId: props.tenderId });
      setMessage({ ok: result.ok, text: result.ok ? t("setup.saved") : result.message });
      setProblems(result.ok ? [] : problemList(result.fieldErrors, text));
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div>
        <label htmlFor={`${id}-q`} className="block font-medium">
          {t("setup.qualification")}
        </label>
        <textarea
          id={`${id}-q`}
          name="qualification"
          rows={5}
          maxLength={10_000}
          defaultValue={props.qualification}
          aria-describedby={`${id}-qh`}
          className={field}
        />
        <p id={`${id}-qh`} className="text-sm text-slate-600">
          {t("setup.qualificationHint")}
        </p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2" aria-describedby={`${id}-rh`}>
        <legend className="font-medium">{t("setup.requirements")}</legend>
        <div>
          <label htmlFor={`${id}-kbli`} className="block font-medium">
            {t("setup.requiredKbli")}
          </label>
          <input
            id={`${id}-kbli`}
            name="requiredKbli"
            defaultValue={props.requiredKbli}
            placeholder="46100, 41011"
            className={field}
          />
        </div>
        <div>
          <label htmlFor={`${id}-permits`} className="block font-medium">
            {t("setup.requiredPermits")}
          </label>
          <textarea
            id={`${id}-permits`}
            name="requiredPermits"
            rows={3}
            defaultValue={props.requiredPermits}
            className={field}
          />
        </div>
        <p id={`${id}-rh`} className="text-sm text-slate-600 sm:col-span-2">
          {t(props.isCepat ? "setup.requirementsHintCepat" : "setup.requirementsHint")}
        </p>
      </fieldset>
      <div>
        <label htmlFor={`${id}-m`} className="block font-medium">
          {t("setup.evaluationMethod")}
        </label>
        <select
          id={`${id}-m`}
          name="evaluationMethod"
          value={method}
          onChange={(e) => setMethod(e.target.value)}
          className={field}
        >
          <option value="">{t("setup.chooseMethod")}</option>
          {/* Tender Cepat: harga terendah only (Perpres 16/2018 Pasal 50); the server refuses the others */}
          {(props.isCepat ? props.methods.slice(0, 1) : props.methods).map((m) => (
            <option key={m} value={m}>
              {t(`evaluationMethod.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {props.defaultPassingGrade !== null ? (
        <div>
          <label htmlFor={`${id}-pg`} className="block font-medium">
            {t("setup.technicalPassingGrade")}
          </label>
          <input
            id={`${id}-pg`}
            name="technicalPassingGrade"
            type="number"
            min={0}
            max={100}
            step={1}
            aria-describedby={`${id}-pgh`}
            defaultValue={props.technicalPassingGrade ?? props.defaultPassingGrade}
            className={field}
          />
          <p id={`${id}-pgh`} className="text-sm text-slate-600">
            {t("setup.technicalPassingGradeHint", { grade: props.defaultPassingGrade })}
          </p>
        </div>
      ) : null}
      {method === "SISTEM_NILAI" || method === "KUALITAS_BIAYA" ? (
        <fieldset className="grid gap-3 sm:grid-cols-2" aria-describedby={`${id}-wh`}>
          <legend className="sr-only">{t(`evaluationMethod.${method}`)}</legend>
          <div>
            <label htmlFor={`${id}-tw`} className="block font-medium">
              {t("setup.technicalWeight")}
            </label>
            <input
              id={`${id}-tw`}
              name="technicalWeight"
              type="number"
              min={0}
              max={100}
              step={1}
              defaultValue={props.technicalWeight ?? ""}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={`${id}-pw`} className="block font-medium">
              {t("setup.priceWeight")}
            </label>
            <input
              id={`${id}-pw`}
              name="priceWeight"
              type="number"
              min={0}
              max={100}
              step={1}
              defaultValue={props.priceWeight ?? ""}
              className={field}
            />
          </div>
          <p id={`${id}-wh`} className="text-sm text-slate-600 sm:col-span-2">
            {t("setup.weightsHint")}
          </p>
        </fieldset>
      ) : null}
      {props.bidSecurity ? (
        <div>
          <label htmlFor={`${id}-bs`} className="block font-medium">
            {t("setup.bidSecurity")}
          </label>
          <input
            id={`${id}-bs`}
            name="bidSecurityAmount"
            inputMode="numeric"
            defaultValue={props.bidSecurityAmount}
            aria-describedby={`${id}-bsh`}
            className={field}
          />
          <p id={`${id}-bsh`} className="text-sm text-slate-600">
            {t("setup.bidSecurityHint", props.bidSecurity)}
          </p>
        </div>
      ) : null}
      <button type="submit" disabled={isPending} className={buttonClass()}>
        {t("setup.save")}
      </button>
      <FormMessage message={message} problems={problems} />
    </form>
  );
}
