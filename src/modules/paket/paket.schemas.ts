import { z } from "zod";
import { ProcurementCategory } from "@/generated/prisma/enums";
import { positiveRupiah, rupiah } from "@/lib/rupiah-schema";
import { MAX_HPS_LINES, MAX_QUANTITY } from "./domain/hps";

// Messages that are keys of errors.json are translated by the action wrapper.
const text = (max: number) => z.string().trim().min(1).max(max);

export const rupiahSchema = rupiah;

export const hpsItemSchema = z.object({
  description: text(500),
  unit: text(50),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
  unitPrice: rupiahSchema,
});

export const paketSchema = z.object({
  rupCode: text(50),
  name: z.string().trim().min(3).max(300),
  category: z.enum(ProcurementCategory),
  fiscalYear: z.coerce.number().int().min(2018).max(2100),
  fundingSource: text(200),
  pagu: positiveRupiah,
  location: text(300),
  workUnitId: z.uuid({ message: "workUnitRequired" }),
  items: z.array(hpsItemSchema).min(1).max(MAX_HPS_LINES),
});

export const updatePaketSchema = paketSchema.extend({ paketId: z.uuid() });

/** "2025-04-30": a rule takes effect at the start of that day, WIB, like the shipped rows. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "dateInvalid" })
  .refine(
    (s) => {
      const [y, m, d] = s.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: "dateInvalid" },
  )
  .transform((s) => new Date(`${s}T00:00:00+07:00`));

export const methodRuleSchema = z.object({
  category: z.enum(ProcurementCategory),
  effectiveFrom: isoDay,
  limit: positiveRupiah,
  legalBasis: z.string().trim().min(3).max(300),
});

export type PaketInput = z.output<typeof paketSchema>;
export type UpdatePaketInput = z.output<typeof updatePaketSchema>;
export type MethodRuleInput = z.output<typeof methodRuleSchema>;
/** What the form sends: every amount as the text typed. */
export type PaketFormValues = z.input<typeof paketSchema>;
