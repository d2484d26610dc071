"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { RATING_ASPECTS, RATING_SCALE, TEXT_LIMITS } from "../domain/execution-rules";
import { TERMINATION_GROUNDS, isVendorFault } from "../domain/termination-grounds";
import {
  amendContractAction,
  rateVendorAction,
  recordBastAction,
  recordPaymentAction,
  reportProgressAction,
  terminateContractAction,
} from "../execution.actions";

const Hidden = ({ name, value }: { name: string; value: string | number }) => (
  <input type="hidden" name={name} value={value} />
);

function NoteField({ name, label, min = TEXT_LIMITS.note.min }: { name: string; label: string; min?: number }) {
  return (
    <Field name={name} label={label}>
      {(field) => <textarea {...field} required minLength={min} maxLength={2000} rows={3} className={inputClass} />}
    </Field>
  );
}

/** The vendor's progress report on the termin that runs now. */
export function ProgressForm({ contractId, position, last }: { contractId: string; position: number; last: number }) {
  const t = useTranslations("contracts.execution");
  return (
    <ActionForm action={reportProgressAction} doneText={t("progressDone")}>
      <Hidden name="contractId" value={contractId} />
      <Hidden name="position" value={position} />
      <Field name="percent" label={t("progressPercent", { position })} hint={t("progressHint", { last })}>
        {(field) => <input {...field} type="number" min={last} max={100} step={1} required className={inputClass} />}
      </Field>
      <NoteField name="note" label={t("progressNote")} />
      <button type="submit" className={buttonClass()}>
        {t("progressSubmit")}
      </button>
    </ActionForm>
  );
}

/** The PPK's BAST of the termin that runs now. */
export function BastForm({ contractId, position, today }: { contractId: string; position: number; today: string }) {
  const t = useTranslations("contracts.execution");
  return (
    <ActionForm action={recordBastAction} doneText={t("bastDone")} confirmText={t("bastConfirm", { position })}>
      <Hidden name="contractId" value={contractId} />
      <Hidden name="position" value={position} />
      <Field name="bastNumber" label={t("bastNumber", { position })}>
        {(field) => <input {...field} required maxLength={100} className={inputClass} />}
      </Field>
      <Field name="bastOn" label={t("bastOn")}>
        {(field) => <input {...field} type="date" required max={today} defaultValue={today} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("bastSubmit")}
      </button>
    </ActionForm>
  );
}

/** The PPK's payment of a termin handed over and not yet paid. */
export function PaymentForm({ contractId, position, today }: { contractId: string; position: number; today: string }) {
  const t = useTranslations("contracts.execution");
  return (
    <ActionForm action={recordPaymentAction} doneText={t("paymentDone")}>
      <Hidden name="contractId" value={contractId} />
      <Hidden name="position" value={position} />
      <Field name="amount" label={t("paymentAmount", { position })} hint={t("paymentHint")}>
        {(field) => <input {...field} required inputMode="numeric" className={inputClass} />}
      </Field>
      <Field name="paidOn" label={t("paidOn")}>
        {(field) => <input {...field} type="date" required max={today} defaultValue={today} className={inputClass} />}
      </Field>
      <Field name="reference" label={t("paymentReference")}>
        {(field) => <input {...field} required maxLength={100} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("paymentSubmit")}
      </button>
    </ActionForm>
  );
}

/** The PPK's addendum: a new value and end, with the reason. */
export function AddendumForm({ contractId, value, endsOn }: { contractId: string; value: string; endsOn: string }) {
  const t = useTranslations("contracts.addendum");
  return (
    <ActionForm action={amendContractAction} doneText={t("done")} confirmText={t("confirm")}>
      <Hidden name="contractId" value={contractId} />
      <Field name="newValue" label={t("newValue")} hint={t("newValueHint")}>
        {(field) => <input {...field} required inputMode="numeric" defaultValue={value} className={inputClass} />}
      </Field>
      <Field name="newEndsOn" label={t("newEndsOn")}>
        {(field) => <input {...field} type="date" required min={endsOn} defaultValue={endsOn} className={inputClass} />}
      </Field>
      <NoteField name="reason" label={t("reason")} min={TEXT_LIMITS.reason.min} />
      <button type="submit" className={buttonClass()}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** Pemutusan kontrak by the PPK: its ground (the vendor-fault ones marked) and the explanation. */
export function TerminationForm({ contractId }: { contractId: string }) {
  const t = useTranslations("contracts.termination");
  return (
    <ActionForm action={terminateContractAction} doneText={t("done")} confirmText={t("confirm")}>
      <Hidden name="contractId" value={contractId} />
      <Field name="ground" label={t("ground")} hint={t("groundHint")}>
        {(field) => (
          <select {...field} required defaultValue="" className={inputClass}>
            <option value="" disabled>
              {t("groundChoose")}
            </option>
            {TERMINATION_GROUNDS.map((ground) => (
              <option key={ground} value={ground}>
                {t(`grounds.${ground}`)}
                {isVendorFault(ground) ? ` (${t("vendorFault")})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField name="reason" label={t("reason")} min={TEXT_LIMITS.reason.min} />
      <button type="submit" className={buttonClass("secondary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** The PPK's rating of the vendor: four aspects on the scale, and a note. */
export function RatingForm({ contractId }: { contractId: string }) {
  const t = useTranslations("contracts.rating");
  const scores = Array.from({ length: RATING_SCALE.max - RATING_SCALE.min + 1 }, (_, i) => RATING_SCALE.min + i);
  return (
    <ActionForm action={rateVendorAction} doneText={t("done")} confirmText={t("confirm")}>
      <Hidden name="contractId" value={contractId} />
      {RATING_ASPECTS.map((aspect) => (
        <Field key={aspect} name={aspect} label={t(`aspect.${aspect}`)}>
          {(field) => (
            <select {...field} required defaultValue="" className={inputClass}>
              <option value="" disabled>
                {t("choose")}
              </option>
              {scores.map((score) => (
                <option key={score} value={score}>
                  {t(`score.${score}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <NoteField name="note" label={t("note")} />
      <button type="submit" className={buttonClass()}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
