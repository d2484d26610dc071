"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { MINUTES_MAX, MINUTES_MIN } from "../domain/negotiation";
import { choosePenunjukanVendorAction, recordNegotiationAction } from "../penunjukan.actions";

/** The Pokja names the verified vendor to invite (only when the approved request named none). */
export function ChooseVendorForm({ tenderId, vendors }: { tenderId: string; vendors: { id: string; name: string }[] }) {
  const t = useTranslations("remedies.penunjukan");
  return (
    <ActionForm action={choosePenunjukanVendorAction} doneText={t("chosen")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="vendorId" label={t("vendor")}>
        {(field) => (
          <select {...field} required className={inputClass} defaultValue="">
            <option value="" disabled>
              {t("chooseVendor")}
            </option>
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("choose")}
      </button>
    </ActionForm>
  );
}

/** Klarifikasi dan negosiasi: the agreed price and the minutes, recorded once. */
export function NegotiationForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies.penunjukan");
  return (
    <ActionForm action={recordNegotiationAction} doneText={t("negotiated")} confirmText={t("negotiateConfirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="agreedPrice" label={t("agreedPrice")}>
        {(field) => <input {...field} required inputMode="numeric" className={inputClass} />}
      </Field>
      <Field name="minutes" label={t("minutes")}>
        {(field) => (
          <textarea
            {...field}
            required
            minLength={MINUTES_MIN}
            maxLength={MINUTES_MAX}
            rows={5}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("negotiate")}
      </button>
    </ActionForm>
  );
}
