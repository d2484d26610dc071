import { describe, expect, it } from "vitest";
import { profileEntrySchema, registerVendorSchema } from "./vendors.schemas";

const typed = {
  name: "Karya Mandiri",
  businessForm: "CV",
  npwp: "01.234.567.8-901.000",
  nib: "1234567890123",
  address: "Jl. Trikora 7",
  city: "Kota Jayapura",
  province: "papua",
  email: "Kantor@Karya.co.id",
  phone: "",
  kbli: "41011, 42101",
  userName: "Yohanes",
  userEmail: "Yohanes@Karya.co.id",
  password: "kata sandi panjang",
};

const problems = (input: unknown) => {
  const parsed = registerVendorSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("registerVendorSchema", () => {
  it("normalises what a person types", () => {
    expect(registerVendorSchema.parse(typed)).toMatchObject({
      npwp: "012345678901000",
      province: "Papua",
      email: "kantor@karya.co.id",
      userEmail: "yohanes@karya.co.id",
      phone: null,
      kbli: ["41011", "42101"],
    });
  });

  it("names every bad field with a message key", () => {
    expect(
      problems({
        ...typed,
        npwp: "01.234.567.8-901.00",
        nib: "12345",
        kbli: "4101",
        province: "Irian",
        businessForm: "BUMN",
        password: "pendek",
        userEmail: "bukan-email",
        name: " ",
      }),
    ).toEqual({
      npwp: "npwpLength",
      nib: "nibInvalid",
      kbli: "kbliInvalid",
      province: "provinceUnknown",
      businessForm: "businessFormInvalid",
      password: "passwordTooShort",
      userEmail: "emailInvalid",
      name: "fieldRequired",
    });
    expect(problems({ ...typed, kbli: " , " })).toEqual({ kbli: "kbliRequired" });
    expect(problems({})).toMatchObject({ name: "fieldRequired", npwp: "fieldRequired", password: "fieldRequired" });
  });
});

describe("profileEntrySchema", () => {
  it("reads rupiah, dates and optional numbers as typed", () => {
    expect(
      profileEntrySchema.parse({
        section: "experience",
        contractName: "Jalan",
        client: "Dinas PU",
        contractValue: "Rp1.250.000.000",
        year: "2024",
        location: "Wamena",
      }),
    ).toMatchObject({ contractValue: 1_250_000_000n, year: 2024 });
    expect(
      profileEntrySchema.parse({ section: "permit", kind: "SBU", number: "1", issuedBy: "LPJK", validUntil: "" }),
    ).toMatchObject({ validUntil: null });
    expect(
      profileEntrySchema.parse({
        section: "deed",
        kind: "Akta Pendirian",
        number: "1",
        date: "2015-02-28",
        notary: "N",
      }),
    ).toMatchObject({ date: new Date("2015-02-27T17:00:00Z") });
    expect(
      profileEntrySchema.safeParse({
        section: "deed",
        kind: "Akta Pendirian",
        number: "1",
        date: "2015-02-30",
        notary: "N",
      }).success,
    ).toBe(false);
    expect(
      profileEntrySchema.parse({
        section: "person",
        kind: "STAF",
        name: "A",
        position: "B",
        nik: "",
        experienceYears: "",
      }),
    ).toMatchObject({ nik: null, experienceYears: null, education: null });
  });
});
