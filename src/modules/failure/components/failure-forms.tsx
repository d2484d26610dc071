"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import { DECLARABLE_KINDS } from "../domain/failure-rules";
import {
  decidePenunjukanLangsungAction,
  declareTenderFailedAction,
  requestPenunjukanLangsungAction,
  retenderAction,
} from "../failure.actions";

const REASON = { required: true, minLength: 20, maxLength: 4000, rows: 4, className: inputClass };

/** For the lead to place on the Pokja's tender page: declare the tender failed with a public reason. */
export function DeclareFailedForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies.failure");
  return (
    <ActionForm action={declareTenderFailedAction} doneText={t("declared")} confirmText={t("declareConfirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="kind" label={t("kind")}>
        {(field) => (
          <select {...field} required className={inputClass}>
            {DECLARABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={t("reason")}>
        {(field) => <textarea {...field} {...REASON} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("declare")}
      </button>
    </ActionForm>
  );
}

/** Tender ulang: a new draft of the same paket, set up again through the normal page. */
export function RetenderButton({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies.failure");
  return (
    <ActionForm action={retenderAction} doneText={t("retendered")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <button type="submit" className={buttonClass("secondary")}>
        {t("retender")}
      </button>
    </ActionForm>
  );
}

export function RequestPenunjukanLangsungForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies.failure");
  return (
    <ActionForm action={requestPenunjukanLangsungAction} doneText={t("requested")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="justification" label={t("justification")}>
        {(field) => <textarea {...field} {...REASON} />}
      </Field>
      <Field name="vendorId" label={t("vendorId")}>
        {(field) => <input {...field} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("request")}
      </button>
    </ActionForm>
  );
}

/** The PA/KPA's decision on a penunjukan langsung request. */
export function DecidePenunjukanLangsungForm({ requestId }: { requestId: string }) {
  const t = useTranslations("remedies.kpa");
  return (
    <ActionForm action={decidePenunjukanLangsungAction} doneText={t("decided")}>
      <input type="hidden" name="requestId" value={requestId} />
      <Choice
        name="decision"
        legend={t("decision")}
        isLegendShown
        options={[
          { value: "APPROVED", label: t("approve") },
          { value: "REFUSED", label: t("reject") },
        ]}
      />
      <Field name="note" label={t("note")}>
        {(field) => <textarea {...field} {...REASON} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("decide")}
      </button>
    </ActionForm>
  );
}
