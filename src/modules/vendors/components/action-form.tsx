"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldGrid, FormAlert, initialValues, type FieldSpec } from "./form-controls";
import { useSubmit, type FormAction } from "./use-submit";

interface Props {
  formId: string;
  fields?: FieldSpec[];
  action: FormAction;
  /** sent with every submission (an id, a section) */
  fixed?: Record<string, string>;
  submitLabel: string;
  successText: string;
  /** clear the inputs after success (adding an entry); keep them (editing) */
  resetOnSuccess?: boolean;
  variant?: "primary" | "secondary";
  className?: string;
}

/** A vendor form: fields as data, a server action, the page refreshed after success. */
export function ActionForm({
  formId,
  fields = [],
  action,
  fixed = {},
  submitLabel,
  successText,
  resetOnSuccess = false,
  variant = "primary",
  className = "",
}: Props) {
  const t = useTranslations("vendors.form");
  const router = useRouter();
  const [values, setValues] = useState(() => initialValues(fields));
  const { errors, message, setMessage, isPending, isReady, submit } = useSubmit(action);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ ...values, ...fixed }, () => {
      if (resetOnSuccess) setValues(initialValues(fields));
      setMessage({ ok: true, text: successText });
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={`space-y-4 ${className}`}>
      {fields.length ? (
        <FieldGrid
          formId={formId}
          fields={fields}
          values={values}
          errors={errors}
          chooseLabel={t("choose")}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />
      ) : null}
      <FormAlert message={message} />
      <button type="submit" disabled={!isReady || isPending} aria-busy={isPending} className={buttonClass(variant)}>
        {isPending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
