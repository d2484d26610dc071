"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { fromZonedLocal } from "@/lib/zoned-time";
import { ActionForm, Field, GroupError, inputClass } from "@/components/ui/form";
import { INVITATION_KINDS } from "../domain/invitation";
import { sendInvitationAction } from "../evaluation.actions";

interface Props {
  tenderId: string;
  /** the agency's zone: the date and time are typed as the agency reads them */
  timeZone: string;
  bidders: { bidId: string; name: string }[];
  /** seleksi: pembuktian was done in the prakualifikasi, so only klarifikasi is offered */
  hasPrakualifikasi?: boolean;
}

/** The Pokja invites chosen bidders to pembuktian or to klarifikasi/negosiasi; the server checks everything again. */
export function InvitationForm({ tenderId, timeZone, bidders, hasPrakualifikasi = false }: Props) {
  const t = useTranslations("evaluation.invitation");
  const kinds = INVITATION_KINDS.filter((k) => !(hasPrakualifikasi && k === "PEMBUKTIAN"));
  // "2026-12-10T09:00" in the agency's zone becomes an instant with its offset
  const send = (data: FormData) => {
    data.set("at", fromZonedLocal(String(data.get("atLocal") ?? ""), timeZone)?.toISOString() ?? "");
    data.delete("atLocal");
    return sendInvitationAction(data);
  };
  return (
    <ActionForm action={send} doneText={t("sent")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="kind" label={t("kind")}>
        {(field) => (
          <select {...field} className={inputClass} defaultValue={kinds[0]}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("bidders")}</legend>
        {bidders.map((b) => (
          <label key={b.bidId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="bidIds" value={b.bidId} /> {b.name}
          </label>
        ))}
        <GroupError name="bidIds" />
      </fieldset>
      <Field name="at" label={t("at", { zone: timeZone })}>
        {(field) => <input {...field} name="atLocal" type="datetime-local" required className={inputClass} />}
      </Field>
      <Field name="place" label={t("place")}>
        {(field) => <input {...field} required maxLength={500} className={inputClass} />}
      </Field>
      <Field name="note" label={t("note")} hint={t("noteHint")}>
        {(field) => <textarea {...field} required maxLength={2000} rows={3} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
