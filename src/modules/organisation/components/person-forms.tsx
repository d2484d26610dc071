"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { addPersonAction, revokeRoleAction } from "../organisation.actions";

/** The decree's number and validity days, shared by every grant form. */
function GrantTermsFields() {
  const t = useTranslations("organisation.people");
  return (
    <>
      <Field name="skNumber" label={t("skNumber")} hint={t("skNumberHint")}>
        {(field) => <input {...field} maxLength={100} className={inputClass} />}
      </Field>
      <Field name="validFrom" label={t("validFrom")}>
        {(field) => <input {...field} type="date" className={inputClass} />}
      </Field>
      <Field name="validUntil" label={t("validUntil")} hint={t("validUntilHint")}>
        {(field) => <input {...field} type="date" className={inputClass} />}
      </Field>
    </>
  );
}

/**
 * Add a person with one role: an existing user is found by e-mail, a new one is invited.
 * `roles` are what this admin may grant here (the server decides again).
 */
export function AddPersonForm({ agencyId, roles }: { agencyId?: string; roles: readonly string[] }) {
  const t = useTranslations("organisation.people");
  const tRoles = useTranslations("organisation.roles");
  return (
    <ActionForm<{ invited: boolean }>
      action={addPersonAction}
      doneText={(data) => t(data.invited ? "invited" : "granted")}
      resetOnDone
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      {agencyId ? <input type="hidden" name="agencyId" value={agencyId} /> : null}
      <Field name="email" label={t("email")} hint={t("emailHint")}>
        {(field) => <input {...field} type="email" required maxLength={254} className={inputClass} />}
      </Field>
      <Field name="name" label={t("name")} hint={t("nameHint")}>
        {(field) => <input {...field} required maxLength={200} className={inputClass} />}
      </Field>
      <Field name="role" label={t("role")}>
        {(field) =>
          roles.length === 1 ? (
            <>
              <input type="hidden" name="role" value={roles[0]} />
              <input id={field.id} readOnly value={tRoles(roles[0]!)} className={inputClass} />
            </>
          ) : (
            <select {...field} required defaultValue="" className={inputClass}>
              <option value="" disabled>
                {t("choose")}
              </option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          )
        }
      </Field>
      <Field name="nip" label={t("nip")}>
        {(field) => <input {...field} inputMode="numeric" maxLength={18} className={inputClass} />}
      </Field>
      <Field name="phone" label={t("phone")}>
        {(field) => <input {...field} type="tel" maxLength={20} className={inputClass} />}
      </Field>
      <GrantTermsFields />
      <div className="sm:col-span-2 lg:col-span-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("add")}
        </button>
      </div>
    </ActionForm>
  );
}

export function RevokeRoleButton({ membershipId, label }: { membershipId: string; label: string }) {
  const t = useTranslations("organisation.people");
  return (
    <ActionForm action={revokeRoleAction} doneText={t("revoked")} confirmText={t("revokeConfirm", { label })}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" aria-label={t("revokeFor", { label })} className={buttonClass("secondary", "px-3 py-1")}>
        {t("revoke")}
      </button>
    </ActionForm>
  );
}
