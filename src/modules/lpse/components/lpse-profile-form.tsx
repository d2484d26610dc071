"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { setLpseLogoAction, updateLpseProfileAction } from "../lpse.actions";
import { LPSE_TIME_ZONES } from "../domain";

export interface LpseProfileValues {
  name: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
  timeZone: string;
  ocidPrefix: string;
}

/** ADMIN_LPSE's form for the profile; the server checks every field again. */
export function LpseProfileForm({ profile }: { profile: LpseProfileValues }) {
  const t = useTranslations("lpse.profile");
  return (
    <ActionForm
      action={updateLpseProfileAction}
      doneText={(data) => (data.changed.length ? t("saved") : t("unchanged"))}
      resetOnDone={false}
      className="space-y-4"
    >
      <Field name="name" label={t("name")}>
        {(field) => <input {...field} defaultValue={profile.name} maxLength={200} className={inputClass} />}
      </Field>
      <Field name="address" label={t("address")}>
        {(field) => (
          <textarea {...field} defaultValue={profile.address ?? ""} rows={3} maxLength={500} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="contactEmail" label={t("contactEmail")}>
          {(field) => (
            <input {...field} type="email" defaultValue={profile.contactEmail ?? ""} className={inputClass} />
          )}
        </Field>
        <Field name="phone" label={t("phone")}>
          {(field) => <input {...field} type="tel" defaultValue={profile.phone ?? ""} className={inputClass} />}
        </Field>
        <Field name="website" label={t("website")} hint={t("websiteHint")}>
          {(field) => <input {...field} type="url" defaultValue={profile.website ?? ""} className={inputClass} />}
        </Field>
      </div>
      <Field name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")}>
        {(field) => (
          <select {...field} defaultValue={profile.timeZone} className={inputClass}>
            {LPSE_TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`zone.${zone}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="ocidPrefix" label={t("ocidPrefix")} hint={t("ocidPrefixHint")}>
        {(field) => (
          <input
            {...field}
            defaultValue={profile.ocidPrefix}
            maxLength={11}
            pattern="ocds-[a-z0-9]{6}"
            spellCheck={false}
            autoCapitalize="none"
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** A new logo: the server decides the type from the bytes. */
export function LpseLogoForm() {
  const t = useTranslations("lpse.profile");
  return (
    <ActionForm action={setLpseLogoAction} doneText={t("logoSaved")} className="space-y-3">
      <Field name="logo" label={t("logo")} hint={t("logoHint")}>
        {(field) => <input {...field} type="file" accept="image/png,image/jpeg" className={inputClass} />}
      </Field>
      <SubmitButton pendingLabel={t("logoSubmitting")}>{t("logoSubmit")}</SubmitButton>
    </ActionForm>
  );
}
