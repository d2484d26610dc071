import { z } from "zod";
import { VendorPersonKind } from "@/generated/prisma/enums";
import { positiveRupiah } from "@/lib/rupiah-schema";
import { PASSWORD_POLICY, passwordLength } from "@/modules/auth/domain";
import { BUSINESS_FORMS, MAX_KBLI, parseKbliList, parseNib } from "./domain/business-ids";
import { normalizeCompanyName } from "./domain/company-name";
import { normalizeNpwp, npwpProblem } from "./domain/npwp";
import { canonicalProvince } from "./domain/provinces";
import { REJECTION_REASON_MIN } from "./domain/verification";

// Messages are keys of errors.json; the action wrapper and the forms translate them.
const text = (max: number) =>
  z
    .string({ message: "fieldRequired" })
    .trim()
    .min(1, { message: "fieldRequired" })
    .max(max, { message: "fieldTooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "fieldTooLong" })
    .optional()
    .transform((v) => v || null);

const npwp = z
  .string({ message: "fieldRequired" })
  .superRefine((v, ctx) => {
    const problem = npwpProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => normalizeNpwp(v)!);

const nib = z.string({ message: "fieldRequired" }).transform((v, ctx) => {
  const parsed = parseNib(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.problem });
    return z.NEVER;
  }
  return parsed.value;
});

const kbli = z.union([z.string(), z.array(z.string())], { message: "kbliRequired" }).transform((v, ctx) => {
  const parsed = parseKbliList(v);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: "kbliInvalid" });
  else if (parsed.value.length === 0) ctx.addIssue({ code: "custom", message: "kbliRequired" });
  else if (parsed.value.length > MAX_KBLI) ctx.addIssue({ code: "custom", message: "kbliTooMany" });
  return parsed.ok ? parsed.value : z.NEVER;
});

const province = z.string({ message: "fieldRequired" }).transform((v, ctx) => {
  const name = canonicalProvince(v);
  if (!name) ctx.addIssue({ code: "custom", message: "provinceUnknown" });
  return name ?? z.NEVER;
});

/** E-mail addresses are compared and stored lowercased: sign-in lowercases too. */
export const emailSchema = z
  .string({ message: "fieldRequired" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "emailInvalid" }).max(254, { message: "fieldTooLong" }));

/**
 * The lengths of the one password policy (NIST SP 800-63B, decision 0033); the use case
 * checks the rest (common and breached passwords, the user's own name) before hashing.
 */
export const passwordSchema = z
  .string({ message: "fieldRequired" })
  .refine((p) => passwordLength(p) >= PASSWORD_POLICY.minLength, { message: "passwordTooShort" })
  .refine((p) => passwordLength(p) <= PASSWORD_POLICY.maxLength, { message: "passwordTooLong" });

const phone = z
  .string()
  .trim()
  .max(30, { message: "fieldTooLong" })
  .regex(/^[0-9+()\-\s]*$/, { message: "phoneInvalid" })
  .optional()
  .transform((v) => v || null);

const companyFields = z.object({
  name: text(200),
  businessForm: z.enum(BUSINESS_FORMS, { message: "businessFormInvalid" }),
  npwp,
  nib,
  address: text(500),
  city: text(100),
  province,
  email: emailSchema,
  phone,
  kbli,
});

/** The name stored with its form once ("PT PT X" and "X" with PT become "PT X"). */
function withCompanyName<T extends { name: string; businessForm: (typeof BUSINESS_FORMS)[number] }>(
  company: T,
  ctx: z.RefinementCtx,
): T {
  const normalized = normalizeCompanyName(company.name, company.businessForm);
  if (normalized.ok) return { ...company, name: normalized.value };
  ctx.addIssue({ code: "custom", message: normalized.problem, path: ["name"] });
  return z.NEVER;
}

export const companySchema = companyFields.transform(withCompanyName);

export const registerVendorSchema = companyFields
  .extend({
    userName: text(200),
    userEmail: emailSchema,
    password: passwordSchema,
  })
  .transform(withCompanyName);

export const vendorUserSchema = z.object({
  vendorId: z.uuid(),
  name: text(200),
  email: emailSchema,
  password: passwordSchema,
});

/** "2026-12-31", a calendar day, stored as its start in WIB like every other date-only field. */
const isoDay = z
  .string({ message: "dateInvalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "dateInvalid" })
  .transform((s, ctx) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
      ctx.addIssue({ code: "custom", message: "dateInvalid" });
      return z.NEVER;
    }
    return new Date(`${s}T00:00:00+07:00`);
  });
const optionalDay = z
  .union([z.literal(""), isoDay])
  .optional()
  .transform((v) => (v instanceof Date ? v : null));

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: "numberInvalid" })
    .int({ message: "numberInvalid" })
    .min(min, { message: "numberInvalid" })
    .max(max, { message: "numberInvalid" });
const optionalInt = (min: number, max: number) =>
  z
    .union([z.literal(""), int(min, max)])
    .optional()
    .transform((v) => (typeof v === "number" ? v : null));

/** The scanned document of a permit or deed: one the company uploaded (checked by the use case). */
const entryDocument = z
  .union([z.literal(""), z.uuid({ message: "vendorDocumentNotOwn" })])
  .optional()
  .transform((v) => v || null);

export const profileEntrySchema = z.discriminatedUnion("section", [
  z.object({
    section: z.literal("permit"),
    kind: text(100),
    number: text(100),
    issuedBy: text(200),
    validUntil: optionalDay,
    documentId: entryDocument,
  }),
  z.object({
    section: z.literal("deed"),
    kind: text(100),
    number: text(100),
    date: isoDay,
    notary: text(200),
    documentId: entryDocument,
  }),
  z.object({
    section: z.literal("person"),
    kind: z.enum(VendorPersonKind, { message: "fieldRequired" }),
    name: text(200),
    position: text(100),
    nik: z
      .string()
      .trim()
      .regex(/^(\d{16})?$/, { message: "nikInvalid" })
      .optional()
      .transform((v) => v || null),
    education: optionalText(100),
    experienceYears: optionalInt(0, 70),
  }),
  z.object({
    section: z.literal("experience"),
    contractName: text(300),
    client: text(200),
    contractValue: positiveRupiah,
    year: int(1945, 2100),
    location: text(200),
  }),
]);

export const PROFILE_SECTIONS = ["permit", "deed", "person", "experience"] as const;
export const removeEntrySchema = z.object({ section: z.enum(PROFILE_SECTIONS), id: z.uuid() });

export const vendorIdSchema = z.object({ vendorId: z.uuid() });
/** The token from a /konfirmasi-email link; its form is checked by the auth module. */
export const emailConfirmationSchema = z.object({ token: z.string().max(100, { message: "fieldTooLong" }) });
export const rejectVendorSchema = z.object({
  vendorId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(REJECTION_REASON_MIN, { message: "rejectionReasonTooShort" })
    .max(2000, { message: "fieldTooLong" }),
});

export type CompanyInput = z.output<typeof companySchema>;
export type RegisterVendorInput = z.output<typeof registerVendorSchema>;
export type VendorUserInput = z.output<typeof vendorUserSchema>;
export type ProfileEntryInput = z.output<typeof profileEntrySchema>;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];
export type RejectVendorInput = z.output<typeof rejectVendorSchema>;
