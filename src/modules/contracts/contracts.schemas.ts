import { z } from "zod";
import { TERMIN_LIMITS } from "./domain/termin-plan";

// e-Kontrak's drafting, review, signing and SPMK. Error texts are keys in errors.json under
// "contract" (src/server/action.ts translates them). The value and the bond are never input:
// the use case takes them from the award and the rule.

const E = "contract";
const day = z.iso.date({ error: "dateInvalid" });
const text = (max: number, key: string, tooLong: string) =>
  z
    .string({ error: `${E}.${key}` })
    .trim()
    .min(1, `${E}.${key}`)
    .max(max, `${E}.${tooLong}`);
// a field left empty is null; the use case parses its own output again, so null is accepted
const optional = (max: number, tooLong: string) =>
  z
    .string({ error: `${E}.${tooLong}` })
    .trim()
    .max(max, `${E}.${tooLong}`)
    .nullish()
    .transform((v) => v || null);
// a checkbox sends "on"; a call from code sends true
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** "33,33" or "33.33" percent with at most two decimals, as basis points (3333). */
export function percentToBp(raw: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(raw);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

/**
 * The termin plan typed as lines "uraian; persen" (e.g. "Termin I: pekerjaan struktur; 40"),
 * read into rows; the sum and the count are the domain's (planTermins) to judge.
 */
const terminLines = z
  .string({ error: `${E}.terminLines` })
  .max(20_000, `${E}.terminLines`)
  .transform((raw, ctx) => {
    const lines = raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length > TERMIN_LIMITS.maxRows) {
      ctx.addIssue({ code: "custom", message: `${E}.terminsTooMany` });
      return z.NEVER;
    }
    const rows = lines.map((line) => {
      const cut = line.lastIndexOf(";");
      const description = cut > 0 ? line.slice(0, cut).trim() : "";
      const percentBp = cut > 0 ? percentToBp(line.slice(cut + 1)) : null;
      return { description, percentBp };
    });
    if (rows.some((r) => !r.description || r.description.length > 500 || r.percentBp === null)) {
      ctx.addIssue({ code: "custom", message: `${E}.terminLines` });
      return z.NEVER;
    }
    return rows.map((r) => ({ description: r.description, percentBp: r.percentBp! }));
  });

interface TerminRow {
  description: string;
  percentBp: number;
}
const isTerminRow = (v: unknown): v is TerminRow =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as TerminRow).description === "string" &&
  Number.isInteger((v as TerminRow).percentBp) &&
  (v as TerminRow).percentBp >= 0;

/**
 * The plan is typed as text, and its output is rows. The action parses the form and the use
 * case parses that output again (parseInput), so rows given back are written out as the same
 * lines and read once more: the schema accepts its own output (as the rupiah schemas accept a
 * bigint) and a plan from code meets the same checks as a typed one. Anything else, such as a
 * name posted twice, is refused as an unreadable plan.
 */
const terminPlan = z.preprocess(
  (v) =>
    Array.isArray(v) && v.length > 0 && v.every(isTerminRow)
      ? v.map((r) => `${r.description}; ${(r.percentBp / 100).toFixed(2)}`).join("\n")
      : (v ?? ""),
  terminLines,
);

const terms = {
  startsOn: day,
  endsOn: day,
  paymentMode: z.enum(["TERMIN", "BULANAN"], { error: `${E}.paymentMode` }),
  terminPlan,
  ppkSignatoryName: text(200, "signatoryRequired", "signatoryTooLong"),
  ppkSignatoryPosition: text(200, "signatoryRequired", "signatoryTooLong"),
  ppkSignatoryNip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, `${E}.nipInvalid`),
  vendorSignatoryName: text(200, "signatoryRequired", "signatoryTooLong"),
  vendorSignatoryPosition: text(200, "signatoryRequired", "signatoryTooLong"),
  /** Perpres 16/2018 Pasal 33 ayat (2) huruf a (Jasa Lainnya only) */
  assetsHeldByUser: checkbox.optional().default(false),
  // the surat kuasa, when the signatory is not a director: all three or none (mandateWhole)
  vendorMandateNumber: optional(100, "mandateTooLong"),
  vendorMandateDate: z
    .union([z.literal(""), day])
    .nullish()
    .transform((v) => v || null),
  vendorMandateGrantor: optional(200, "mandateTooLong"),
};

const MANDATE = ["vendorMandateNumber", "vendorMandateDate", "vendorMandateGrantor"] as const;

/** A surat kuasa is given whole or not at all: each missing part is named on its field. */
function mandateWhole(value: Record<(typeof MANDATE)[number], string | null>, ctx: z.RefinementCtx) {
  if (MANDATE.every((field) => value[field] === null)) return;
  for (const field of MANDATE)
    if (value[field] === null) ctx.addIssue({ code: "custom", path: [field], message: `${E}.mandateIncomplete` });
}

export const draftContractSchema = z.object({ tenderId: z.uuid(), ...terms }).superRefine(mandateWhole);
export type DraftContractInput = z.input<typeof draftContractSchema>;

export const updateContractSchema = z.object({ contractId: z.uuid(), ...terms }).superRefine(mandateWhole);
export type UpdateContractInput = z.input<typeof updateContractSchema>;

export const contractIdSchema = z.object({ contractId: z.uuid() });
export type ContractIdInput = z.input<typeof contractIdSchema>;

export const requestContractChangeSchema = z.object({
  contractId: z.uuid(),
  note: text(2000, "noteRequired", "noteTooLong"),
});
export type RequestContractChangeInput = z.input<typeof requestContractChangeSchema>;

export const issueSpmkSchema = z.object({ contractId: z.uuid(), startsOn: day });
export type IssueSpmkInput = z.input<typeof issueSpmkSchema>;
