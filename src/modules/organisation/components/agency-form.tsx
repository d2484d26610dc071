"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { changeAgencyAction, createAgencyAction } from "../organisation.actions";
import { AGENCY_KINDS, AGENCY_TIME_ZONES } from "../organisation.schemas";

interface AgencyValues {
  id: string;
  code: string;
  name: string;
  kind: string;
  timeZone: string;
}

/** Create an agency, or change one (`agency` given). */
export function AgencyForm({ agency }: { agency?: AgencyValues }) {
  const t = useTranslations("organisation.agencies");
  return (
    <ActionForm<unknown>
      action={agency ? changeAgencyAction : createAgencyAction}
      doneText={t(agency ? "changed" : "created")}
      resetOnDone={!agency}
      className="grid gap-3 sm:grid-cols-2"
    >
      {agency ? <input type="hidden" name="agencyId" value={agency.id} /> : null}
      <Field name="code" label={t("code")} hint={t("codeHint")}>
        {(field) => <input {...field} required maxLength={30} defaultValue={agency?.code} className={inputClass} />}
      </Field>
      <Field name="name" label={t("name")}>
        {(field) => <input {...field} required maxLength={200} defaultValue={agency?.name} className={inputClass} />}
      </Field>
      <Field name="kind" label={t("kind")}>
        {(field) => (
          <select {...field} required defaultValue={agency?.kind ?? ""} className={inputClass}>
            <option value="" disabled>
              {t("choose")}
            </option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="timeZone" label={t("timeZone")}>
        {(field) => (
          <select {...field} required defaultValue={agency?.timeZone ?? "Asia/Jakarta"} className={inputClass}>
            {AGENCY_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {t(`zones.${z.replace("/", "_")}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass("primary")}>
          {t(agency ? "save" : "create")}
        </button>
      </div>
    </ActionForm>
  );
}
