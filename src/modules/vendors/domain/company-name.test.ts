import { describe, expect, it } from "vitest";
import { companyName, normalizeCompanyName } from "./company-name";

describe("normalizeCompanyName", () => {
  it.each([
    ["Laptop Nusantara Jaya", "PT", "PT Laptop Nusantara Jaya"],
    ["PT Laptop Nusantara Jaya", "PT", "PT Laptop Nusantara Jaya"],
    ["PT PT Laptop Nusantara Jaya", "PT", "PT Laptop Nusantara Jaya"],
    ["pt. Laptop Nusantara Jaya", "PT", "PT Laptop Nusantara Jaya"],
    ["  PT.   Laptop  ", "PT", "PT Laptop"],
    ["CV Sinar Abadi", "CV", "CV Sinar Abadi"],
    ["Ptera Teknik", "PT", "PT Ptera Teknik"],
    ["Koperasi Tani Makmur", "Koperasi", "Koperasi Tani Makmur"],
    ["Budi Santoso", "Perorangan", "Budi Santoso"],
  ] as const)("%s as %s is stored as %s", (name, form, value) => {
    expect(normalizeCompanyName(name, form)).toEqual({ ok: true, value });
  });

  it("refuses a name that is only the form, or starts with another form", () => {
    expect(normalizeCompanyName("PT", "PT")).toEqual({ ok: false, problem: "companyNameOnlyForm" });
    expect(normalizeCompanyName(" PT. PT ", "PT")).toEqual({ ok: false, problem: "companyNameOnlyForm" });
    expect(normalizeCompanyName("CV Sinar Abadi", "PT")).toEqual({ ok: false, problem: "companyNameOtherForm" });
    expect(normalizeCompanyName("PT CV Sinar", "PT")).toEqual({ ok: false, problem: "companyNameOtherForm" });
  });
});

describe("companyName", () => {
  it("shows the form once, whichever way the row was stored", () => {
    expect(companyName({ name: "PT Laptop Nusantara Jaya", businessForm: "PT" })).toBe("PT Laptop Nusantara Jaya");
    expect(companyName({ name: "Laptop Nusantara Jaya", businessForm: "PT" })).toBe("PT Laptop Nusantara Jaya");
    expect(companyName({ name: "PT. Laptop", businessForm: "PT" })).toBe("PT. Laptop");
    expect(companyName({ name: "Ptera Teknik", businessForm: "PT" })).toBe("PT Ptera Teknik");
    expect(companyName({ name: "Budi Santoso", businessForm: "Perorangan" })).toBe("Budi Santoso");
  });
});
