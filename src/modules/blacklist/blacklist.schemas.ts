import { z } from "zod";
import { normalizeNpwp, npwpProblem } from "@/modules/vendors/domain";

// Messages are keys of errors.json; the action wrapper and the form translate them.
const text = (max: number) =>
  z
    .string({ message: "fieldRequired" })
    .trim()
    .min(1, { message: "fieldRequired" })
    .max(max, { message: "fieldTooLong" });

// The vendors' own NPWP rule (15 or 16 digits, separators dropped): one rule for one number.
const npwp = z
  .string({ message: "fieldRequired" })
  .superRefine((v, ctx) => {
    const problem = npwpProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => normalizeNpwp(v)!);

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const addBlacklistEntrySchema = z.object({
  npwp,
  vendorName: text(200),
  decreeNumber: text(200),
  legalBasis: text(500),
  reason: text(2000),
  // calendar days of the decree, both counted; read in the imposing agency's zone (or the LPSE's)
  firstDay: z.iso.date({ error: "dateInvalid" }),
  lastDay: z.iso.date({ error: "dateInvalid" }),
  // empty: a national entry by the LPSE's Verifikator; else the PA/KPA's own agency
  agencyId: z.preprocess(blankToUndefined, z.uuid().optional()),
});

export const liftBlacklistEntrySchema = z.object({
  entryId: z.uuid(),
  reason: text(2000),
});

export type AddBlacklistEntryInput = z.infer<typeof addBlacklistEntrySchema>;
export type LiftBlacklistEntryInput = z.infer<typeof liftBlacklistEntrySchema>;
