import { z } from "zod";
import { OCID_PREFIX_PATTERN } from "@/modules/open-data/domain";
import { LPSE_TIME_ZONES } from "./domain";

/** E-mail addresses are stored lowercased: sign-in lowercases too. */
const email = z
  .string({ message: "fieldRequired" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "emailInvalid" }).max(254, { message: "fieldTooLong" }));

const text = (max: number) =>
  z
    .string({ message: "fieldRequired" })
    .trim()
    .min(1, { message: "fieldRequired" })
    .max(max, { message: "fieldTooLong" });

/** Empty stays null: the profile's optional fields. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().default(null));

/** NIP of a civil servant: 18 digits (PP 11/2017 with BKN's numbering). */
export const nipSchema = z
  .string()
  .trim()
  .regex(/^\d{18}$/, { message: "nipInvalid" });

/** The first ADMIN_LPSE, made by `npm run segel -- admin create` (src/cli/segel.ts). */
export const instanceAdminSchema = z.object({
  email,
  name: text(200),
  nip: optional(nipSchema),
  password: z.string({ message: "fieldRequired" }),
});
export type InstanceAdminInput = z.input<typeof instanceAdminSchema>;

export { LPSE_TIME_ZONES };

export const lpseProfileSchema = z.object({
  name: text(200),
  address: optional(z.string().trim().max(500, { message: "fieldTooLong" })),
  contactEmail: optional(email),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,30}$/, { message: "lpsePhoneInvalid" }),
  ),
  website: optional(
    z
      .string()
      .trim()
      .max(200, { message: "fieldTooLong" })
      .pipe(z.url({ protocol: /^https?$/, message: "lpseWebsiteInvalid" })),
  ),
  timeZone: z.enum(LPSE_TIME_ZONES, { message: "lpseTimeZoneInvalid" }),
  // the OCDS ocid prefix registered with the Open Contracting Partnership; absent or empty
  // leaves it as it is (docs/decisions/0041). The database's CHECK holds the same shape.
  ocidPrefix: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().toLowerCase().regex(OCID_PREFIX_PATTERN, { message: "ocidPrefixInvalid" }).optional(),
  ),
});
export type LpseProfileInput = z.output<typeof lpseProfileSchema>;

/** A logo upload; the type is decided by its bytes on the server, never by this. */
export const lpseLogoSchema = z.object({
  logo: z.instanceof(File, { message: "fieldRequired" }),
});
