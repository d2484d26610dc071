"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { registerVendorAction } from "../vendors.actions";
import { companyFields } from "./company-fields";
import { SpecFields, type FieldSpec } from "./spec-fields";

/**
 * The company and its first user in one form. What was typed stays on an error; after
 * success the new user is signed in and lands on the profile to add permits and deeds.
 */
export function RegistrationForm() {
  const t = useTranslations("vendors.company");
  const tr = useTranslations("vendors.register");
  const user: FieldSpec[] = [
    { name: "userName", label: tr("userName"), autoComplete: "name", required: true, wide: true },
    {
      name: "userEmail",
      label: tr("userEmail"),
      type: "email",
      autoComplete: "username",
      hint: tr("userEmailHint"),
      required: true,
    },
    {
      name: "password",
      label: tr("password"),
      type: "password",
      autoComplete: "new-password",
      hint: tr("passwordHint"),
      required: true,
    },
  ];

  async function signInAndGo(sent: FormData) {
    const result = await signIn("credentials", {
      redirect: false,
      email: String(sent.get("userEmail")),
      password: String(sent.get("password")),
    });
    window.location.assign(result?.ok && !result.error ? "/penyedia/profil" : "/masuk?callbackUrl=/penyedia/profil");
  }

  return (
    <ActionForm
      action={registerVendorAction}
      doneText={tr("done")}
      resetOnDone={false}
      onDone={(_, sent) => signInAndGo(sent)}
      className="space-y-6"
    >
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{tr("companyTitle")}</legend>
        <SpecFields fields={companyFields(t)} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{tr("userTitle")}</legend>
        <p className="text-sm text-slate-600">{tr("userIntro")}</p>
        <SpecFields fields={user} />
      </fieldset>
      <p className="text-sm text-slate-600">{tr("afterNote")}</p>
      <SubmitButton pendingLabel={tr("submitting")}>{tr("submit")}</SubmitButton>
    </ActionForm>
  );
}
