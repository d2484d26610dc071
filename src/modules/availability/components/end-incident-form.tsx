"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { endIncidentAction } from "../incident.actions";
import { zonedInstant } from "./incident-form";

/** Sets the end of a declared incident still going on: at the time typed, or now when left empty. */
export function EndIncidentForm({ outageId, timeZone }: { outageId: string; timeZone: string }) {
  const t = useTranslations("availability.ledger.form");
  const router = useRouter();
  return (
    <ActionForm
      action={(data) => endIncidentAction({ outageId, endsAt: zonedInstant(data, "endsAt", timeZone) })}
      doneText={t("ended")}
      onDone={() => router.refresh()}
      confirmText={t("endConfirm")}
      className="mt-2 flex flex-wrap items-end gap-2"
    >
      <Field name="endsAt" label={t("endAt")} hint={t("endAtHint")}>
        {(props) => <input {...props} type="datetime-local" className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary", "px-3 py-1")}>
        {t("end")}
      </button>
    </ActionForm>
  );
}
