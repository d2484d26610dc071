"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import { fromZonedLocal } from "@/lib/zoned-time";
import { OUTAGE_SCOPES } from "../domain/enums";
import { declareIncidentAction } from "../incident.actions";

/** The typed time in the LPSE's zone as an instant; empty stays empty (the server says what is missing). */
export const zonedInstant = (data: FormData, name: string, timeZone: string) => {
  const value = String(data.get(name) ?? "");
  return value ? (fromZonedLocal(value, timeZone)?.toISOString() ?? value) : "";
};

/** ADMIN_LPSE declares an incident: its scope, period (the end empty while it goes on) and a description. */
export function IncidentForm({ timeZone, zone }: { timeZone: string; zone: string }) {
  const t = useTranslations("availability.ledger.form");
  const router = useRouter();
  return (
    <ActionForm
      action={(data) =>
        declareIncidentAction({
          scope: data.get("scope"),
          startsAt: zonedInstant(data, "startsAt", timeZone),
          endsAt: zonedInstant(data, "endsAt", timeZone),
          description: data.get("description"),
        })
      }
      doneText={t("declared")}
      onDone={() => router.refresh()}
    >
      <Choice
        name="scope"
        legend={t("scope")}
        isLegendShown
        defaultValue="INSTANCE"
        options={OUTAGE_SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope}`) }))}
      />
      <p className="text-sm text-slate-600">{t("zoneHint", { zone })}</p>
      <div className="flex flex-wrap gap-4">
        <Field name="startsAt" label={t("startsAt")}>
          {(props) => <input {...props} type="datetime-local" required className={inputClass} />}
        </Field>
        <Field name="endsAt" label={t("endsAt")} hint={t("endsAtHint")}>
          {(props) => <input {...props} type="datetime-local" className={inputClass} />}
        </Field>
      </div>
      <Field name="description" label={t("description")} hint={t("descriptionHint")}>
        {(props) => <textarea {...props} rows={4} required minLength={10} maxLength={2000} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
