import { BUSINESS_FORMS } from "./business-ids";

/**
 * A company's name and its legal form (badan usaha). Deeds write the form before the
 * name ("PT Laptop Nusantara Jaya"), so Segel stores the name that way, with the form
 * once: most pages print `vendor.name` alone. A name typed with the form repeated, or
 * without it, is brought to that shape; a name that starts with another form than the
 * chosen one is a contradiction the company must settle. Perorangan (a sole trader)
 * trades under its own name and gets no prefix. Configuration of display, not law.
 */

type BusinessForm = (typeof BUSINESS_FORMS)[number];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "PT", "PT.", "pt" followed by a space: the form as a leading word. */
const leadingForm = (form: string) => new RegExp(`^${escape(form)}\\.?(\\s+|$)`, "i");

const prefixedForms = BUSINESS_FORMS.filter((f) => f !== "Perorangan");

function stripForm(name: string, form: string): string {
  let rest = name.trim();
  while (leadingForm(form).test(rest)) rest = rest.replace(leadingForm(form), "").trim();
  return rest;
}

export type CompanyNameProblem = "companyNameOnlyForm" | "companyNameOtherForm";

/** The name to store for the chosen form, or why it cannot be stored. */
export function normalizeCompanyName(
  name: string,
  form: BusinessForm,
): { ok: true; value: string } | { ok: false; problem: CompanyNameProblem } {
  const bare = stripForm(name, form);
  if (!bare) return { ok: false, problem: "companyNameOnlyForm" };
  if (prefixedForms.some((other) => other !== form && leadingForm(other).test(bare)))
    return { ok: false, problem: "companyNameOtherForm" };
  return { ok: true, value: form === "Perorangan" ? bare : `${form} ${bare}` };
}

/**
 * The name with its form, once, for any stored row: the new shape ("PT X") as it is, an
 * older row stored without the form ("X", PT) with it added.
 */
export function companyName(vendor: { name: string; businessForm: string }): string {
  const name = vendor.name.trim();
  if (vendor.businessForm === "Perorangan" || leadingForm(vendor.businessForm).test(name)) return name;
  return `${vendor.businessForm} ${name}`;
}
