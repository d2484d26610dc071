import { z } from "zod";

// A form with one ticked checkbox sends a string, with none nothing at all.
const userIdList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid()).max(25),
);

const pokjaMembers = {
  memberIds: userIdList,
  // Message keys in errors.json: the action wrapper translates them.
  leaderId: z.uuid({ error: "pokjaLeader" }),
};

export const formPokjaSchema = z.object({
  agencyId: z.uuid(),
  name: z.string().trim().min(3).max(200),
  // The decree forming the Pokja (SK Kepala UKPBJ, Perpres 16/2018 Pasal 13 as amended)
  skNumber: z.string().trim().min(1, { error: "skRequired" }).max(100),
  skDate: z.iso.date({ error: "dateInvalid" }),
  ...pokjaMembers,
});

export const changePokjaMembersSchema = z.object({
  pokjaId: z.uuid(),
  ...pokjaMembers,
});

export const pejabatPengadaanSchema = z.object({
  agencyId: z.uuid(),
  userId: z.uuid({ error: "pickUser" }),
});

export type FormPokjaInput = z.infer<typeof formPokjaSchema>;
export type ChangePokjaMembersInput = z.infer<typeof changePokjaMembersSchema>;
export type PejabatPengadaanInput = z.infer<typeof pejabatPengadaanSchema>;

// ---- agencies, work units and roles (issue 11; decision 0032)

/** Indonesia's three time zones as IANA names: WIB, WITA, WIT (also a CHECK in the database). */
export const AGENCY_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const AGENCY_KINDS = ["KEMENTERIAN", "LEMBAGA", "PEMDA_PROVINSI", "PEMDA_KABUPATEN", "PEMDA_KOTA"] as const;

// An empty form field is "not given".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());
// Codes are typed by people and printed on documents: letters, digits, dot, dash, slash.
const code = z
  .string()
  .trim()
  .min(2)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, { error: "codeFormat" })
  .transform((c) => c.toUpperCase());

export const agencySchema = z.object({
  code,
  name: z.string().trim().min(3).max(200),
  kind: z.enum(AGENCY_KINDS),
  timeZone: z.enum(AGENCY_TIME_ZONES),
});
export const changeAgencySchema = agencySchema.extend({ agencyId: z.uuid() });

export const workUnitSchema = z.object({ agencyId: z.uuid(), code, name: z.string().trim().min(3).max(200) });
export const changeWorkUnitSchema = z.object({ workUnitId: z.uuid(), code, name: z.string().trim().min(3).max(200) });

const GRANTABLE = [
  "ADMIN_LPSE",
  "VERIFIKATOR",
  "AUDITOR",
  "ADMIN_AGENCY",
  "PPK",
  "POKJA",
  "KPA",
  "PEJABAT_PENGADAAN",
] as const;
// A calendar day of the decree; the use case reads it in the agency's time zone.
const day = z.preprocess(blankToUndefined, z.iso.date({ error: "dateInvalid" }).optional());

/** The decree and validity of a grant: the SK runs from validFrom through validUntil (both days included). */
const grantTerms = { skNumber: optionalText(100), validFrom: day, validUntil: day };
const validityInOrder = (g: { validFrom?: string; validUntil?: string }) =>
  !g.validFrom || !g.validUntil || g.validUntil >= g.validFrom;
const validityIssue = { error: "validUntilBeforeValidFrom", path: ["validUntil"] };

const scopedRole = {
  role: z.enum(GRANTABLE),
  // absent for the LPSE's own roles; the use case checks that the role and the scope agree
  agencyId: z.preprocess(blankToUndefined, z.uuid().optional()),
};

export const grantRoleSchema = z
  .object({ ...scopedRole, ...grantTerms, userId: z.uuid({ error: "pickUser" }) })
  .refine(validityInOrder, validityIssue);

/** A person by e-mail: an existing user gets the role, a new one an invitation. */
export const addPersonSchema = z
  .object({
    ...scopedRole,
    ...grantTerms,
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ error: "emailInvalid" })),
    name: z.string().trim().min(3).max(200),
    nip: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{18}$/, { error: "nipFormat" })
        .optional(),
    ),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{6,20}$/, { error: "phoneFormat" })
        .optional(),
    ),
  })
  .refine(validityInOrder, validityIssue);

export const revokeRoleSchema = z.object({ membershipId: z.uuid() });

export type AgencyInput = z.infer<typeof agencySchema>;
export type ChangeAgencyInput = z.infer<typeof changeAgencySchema>;
export type WorkUnitInput = z.infer<typeof workUnitSchema>;
export type ChangeWorkUnitInput = z.infer<typeof changeWorkUnitSchema>;
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;
export type AddPersonInput = z.infer<typeof addPersonSchema>;
export type RevokeRoleInput = z.infer<typeof revokeRoleSchema>;
