import { PROVINCES } from "../domain/provinces";
import { BUSINESS_FORMS } from "../domain/business-ids";
import type { FieldSpec } from "./spec-fields";

type T = (key: string) => string;

/** The company's own fields, the same on registration and on the profile. Labels are stable for the e2e tests. */
export function companyFields(t: T, initial: Partial<Record<string, string>> = {}): FieldSpec[] {
  const fields: FieldSpec[] = [
    { name: "name", label: t("name"), autoComplete: "organization", required: true, wide: true },
    {
      name: "businessForm",
      label: t("businessForm"),
      type: "select",
      options: BUSINESS_FORMS.map((f) => ({ value: f, label: f })),
      required: true,
    },
    { name: "npwp", label: t("npwp"), hint: t("npwpHint"), inputMode: "numeric", required: true },
    { name: "nib", label: t("nib"), hint: t("nibHint"), inputMode: "numeric", required: true },
    { name: "kbli", label: t("kbli"), hint: t("kbliHint"), inputMode: "numeric", required: true },
    { name: "address", label: t("address"), type: "textarea", autoComplete: "street-address", required: true },
    { name: "city", label: t("city"), required: true },
    { name: "province", label: t("province"), suggestions: PROVINCES, hint: t("provinceHint"), required: true },
    { name: "email", label: t("email"), type: "email", autoComplete: "email", required: true },
    { name: "phone", label: t("phone"), type: "tel", autoComplete: "tel", inputMode: "tel" },
  ];
  return fields.map((f) => ({ ...f, initial: initial[f.name] ?? f.initial }));
}
