"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { appointPejabatPengadaanAction, revokePejabatPengadaanAction } from "../organisation.actions";
import { ActionForm, Field, inputClass } from "@/components/ui/form";

export function AppointPejabatPengadaanForm({
  agencyId,
  candidates,
}: {
  agencyId: string;
  candidates: { id: string; name: string; nip: string | null }[];
}) {
  const t = useTranslations("organisation.pp");
  if (candidates.length === 0) return <p className="text-sm text-slate-700">{t("noCandidates")}</p>;
  return (
    <ActionForm
      action={appointPejabatPengadaanAction}
      doneText={t("appointed")}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field name="userId" label={t("user")}>
        {(field) => (
          <select {...field} required defaultValue="" className={inputClass}>
            <option value="" disabled>
              {t("choose")}
            </option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nip ? `${c.name} (${c.nip})` : c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("appoint")}
      </button>
    </ActionForm>
  );
}

export function RevokePejabatPengadaanButton({
  agencyId,
  userId,
  name,
}: {
  agencyId: string;
  userId: string;
  name: string;
}) {
  const t = useTranslations("organisation.pp");
  return (
    <ActionForm
      action={revokePejabatPengadaanAction}
      doneText={t("revoked")}
      confirmText={t("revokeConfirm", { name })}
      className="space-y-1"
    >
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" aria-label={t("revokeFor", { name })} className={buttonClass("secondary", "px-3 py-1")}>
        {t("revoke")}
      </button>
    </ActionForm>
  );
}
