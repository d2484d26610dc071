"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import {
  cancelDirectProcurementAction,
  completeDirectProcurementAction,
  inviteVendorAction,
  recordNegotiationAction,
} from "../direct-procurement.actions";

export function InviteVendorForm({
  paketId,
  vendors,
}: {
  paketId: string;
  vendors: { id: string; name: string; city: string }[];
}) {
  const t = useTranslations("procurement.direct.invite");
  if (vendors.length === 0) return <p className="text-sm text-slate-700">{t("noVendors")}</p>;
  return (
    <ActionForm action={inviteVendorAction} doneText={t("done")}>
      <input type="hidden" name="paketId" value={paketId} />
      <Field name="vendorId" label={t("vendor")} hint={t("hint")}>
        {(field) => (
          <select {...field} required defaultValue="" className={inputClass}>
            <option value="" disabled>
              {t("choose")}
            </option>
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>{`${v.name} — ${v.city}`}</option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** `ceiling` is the formatted price the next figure may not exceed (the server checks it). */
export function NegotiationForm({ paketId, ceiling }: { paketId: string; ceiling: string }) {
  const t = useTranslations("procurement.direct.negotiate");
  return (
    <ActionForm action={recordNegotiationAction} doneText={t("done")}>
      <input type="hidden" name="paketId" value={paketId} />
      <Field name="price" label={t("price")} hint={t("priceHint", { ceiling })}>
        {(field) => <input {...field} required inputMode="numeric" autoComplete="off" className={inputClass} />}
      </Field>
      <Field name="note" label={t("note")}>
        {(field) => <textarea {...field} required minLength={10} maxLength={2000} rows={3} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

export function CompleteForm({ paketId, ceiling }: { paketId: string; ceiling: string }) {
  const t = useTranslations("procurement.direct.complete");
  return (
    <ActionForm action={completeDirectProcurementAction} doneText={t("done")}>
      <input type="hidden" name="paketId" value={paketId} />
      <Field name="contractNumber" label={t("contractNumber")}>
        {(field) => <input {...field} required minLength={3} maxLength={100} className={inputClass} />}
      </Field>
      <Field name="contractValue" label={t("contractValue")} hint={t("contractValueHint", { ceiling })}>
        {(field) => <input {...field} required inputMode="numeric" autoComplete="off" className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

export function CancelForm({ paketId }: { paketId: string }) {
  const t = useTranslations("procurement.direct.cancel");
  return (
    <ActionForm action={cancelDirectProcurementAction} doneText={t("done")} confirmText={t("confirm")}>
      <input type="hidden" name="paketId" value={paketId} />
      <Field name="reason" label={t("reason")} hint={t("reasonHint")}>
        {(field) => <textarea {...field} required minLength={20} maxLength={2000} rows={3} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}
