"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { registerVendorAction } from "../vendors.actions";
import { companyFields } from "./company-fields";
import { FieldGrid, FormAlert, initialValues, type FieldSpec } from "./form-controls";
import { useSubmit } from "./use-submit";

/**
 * The company and its first user in one form. What was typed stays on an error; after
 * success the new user is signed in and lands on the profile to add permits and deeds.
 */
export function RegistrationForm() {
  const t = useTranslations("vendors.company");
  const tr = useTranslations("vendors.register");
  const tf = useTranslations("vendors.form");
  const company = companyFields(t);
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
  const [values, setValues] = useState(() => initialValues([...company, ...user]));
  const { errors, message, setMessage, isPending, isReady, submit } = useSubmit(registerVendorAction);
  const onChange = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(values, async () => {
      setMessage({ ok: true, text: tr("done") });
      const result = await signIn("credentials", {
        redirect: false,
        email: values.userEmail,
        password: values.password,
      });
      window.location.assign(result?.ok && !result.error ? "/penyedia/profil" : "/masuk?callbackUrl=/penyedia/profil");
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <FormAlert message={message} />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{tr("companyTitle")}</legend>
        <FieldGrid
          formId="daftar"
          fields={company}
          values={values}
          errors={errors}
          onChange={onChange}
          chooseLabel={tf("choose")}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{tr("userTitle")}</legend>
        <p className="text-sm text-slate-600">{tr("userIntro")}</p>
        <FieldGrid
          formId="daftar"
          fields={user}
          values={values}
          errors={errors}
          onChange={onChange}
          chooseLabel={tf("choose")}
        />
      </fieldset>
      <p className="text-sm text-slate-600">{tr("afterNote")}</p>
      <button type="submit" disabled={!isReady || isPending} aria-busy={isPending} className={buttonClass("primary")}>
        {isPending ? tr("submitting") : tr("submit")}
      </button>
    </form>
  );
}
