"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { addBlacklistEntryAction, liftBlacklistEntryAction } from "../blacklist.actions";

const REASON = { required: true, maxLength: 2000, rows: 3, className: inputClass };

/** Entering a company: the agencies offered are those the actor may enter for ("" = the national list). */
export function AddBlacklistEntryForm({ agencies }: { agencies: { id: string; name: string }[] }) {
  const t = useTranslations("blacklist.form");
  return (
    <ActionForm action={addBlacklistEntryAction} doneText={t("done")} confirmText={t("confirm")}>
      <Field name="agencyId" label={t("agency")}>
        {(field) => (
          <select {...field} required className={inputClass}>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === "" ? t("national") : a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="npwp" label={t("npwp")} hint={t("npwpHint")}>
        {(field) => <input {...field} required inputMode="numeric" autoComplete="off" className={inputClass} />}
      </Field>
      <Field name="vendorName" label={t("vendorName")}>
        {(field) => <input {...field} required maxLength={200} className={inputClass} />}
      </Field>
      <Field name="decreeNumber" label={t("decreeNumber")}>
        {(field) => <input {...field} required maxLength={200} className={inputClass} />}
      </Field>
      <Field name="legalBasis" label={t("legalBasis")} hint={t("legalBasisHint")}>
        {(field) => <input {...field} required maxLength={500} className={inputClass} />}
      </Field>
      <Field name="reason" label={t("reason")}>
        {(field) => <textarea {...field} {...REASON} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="firstDay" label={t("firstDay")} hint={t("periodHint")}>
          {(field) => <input {...field} type="date" required className={inputClass} />}
        </Field>
        <Field name="lastDay" label={t("lastDay")}>
          {(field) => <input {...field} type="date" required className={inputClass} />}
        </Field>
      </div>
      <button type="submit" className={buttonClass()}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** Lifting one entry early, with its reason. */
export function LiftBlacklistEntryForm({ entryId }: { entryId: string }) {
  const t = useTranslations("blacklist.form");
  return (
    <ActionForm action={liftBlacklistEntryAction} doneText={t("liftDone")} confirmText={t("liftConfirm")}>
      <input type="hidden" name="entryId" value={entryId} />
      <Field name="reason" label={t("liftReason")}>
        {(field) => <textarea {...field} {...REASON} rows={2} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("lift")}
      </button>
    </ActionForm>
  );
}
