"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { fromZonedLocal } from "@/lib/zoned-time";
import { scheduleMaintenanceAction } from "../maintenance.actions";

/** ADMIN_LPSE announces a window; times are read in the LPSE's zone, not the browser's. */
export function MaintenanceForm({ timeZone, zone }: { timeZone: string; zone: string }) {
  const t = useTranslations("availability.maintenance.admin");
  const router = useRouter();
  const instant = (data: FormData, name: string) =>
    fromZonedLocal(String(data.get(name) ?? ""), timeZone)?.toISOString() ?? "";
  return (
    <ActionForm
      action={(data) =>
        scheduleMaintenanceAction({
          startsAt: instant(data, "startsAt"),
          endsAt: instant(data, "endsAt"),
          description: data.get("description"),
        })
      }
      doneText={t("announced")}
      onDone={() => router.refresh()}
    >
      <p className="text-sm text-slate-600">{t("zoneHint", { zone })}</p>
      <div className="flex flex-wrap gap-4">
        <Field name="startsAt" label={t("startsAt")}>
          {(props) => <input {...props} type="datetime-local" required className={inputClass} />}
        </Field>
        <Field name="endsAt" label={t("endsAt")}>
          {(props) => <input {...props} type="datetime-local" required className={inputClass} />}
        </Field>
      </div>
      <Field name="description" label={t("description")} hint={t("descriptionHint")}>
        {(props) => <textarea {...props} rows={4} required maxLength={2000} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
