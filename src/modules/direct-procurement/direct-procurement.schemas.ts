import { z } from "zod";
import { parseRupiah } from "@/lib/money";

/**
 * An amount in whole rupiah: a bigint from code, or what a person types in a form
 * ("150.000.000", "Rp150.000.000,00"). Error texts are keys in errors.json.
 */
export const rupiahInput = z
  .union([z.bigint(), z.string()], { error: "rupiahInvalid" })
  .transform((value, ctx) => {
    const amount = typeof value === "bigint" ? value : parseRupiah(value);
    if (amount === null) {
      ctx.issues.push({ code: "custom", message: "rupiahInvalid", input: value });
      return z.NEVER;
    }
    return amount;
  })
  .pipe(z.bigint().positive("amountPositive"));

export const inviteVendorSchema = z.object({
  paketId: z.uuid(),
  vendorId: z.uuid({ error: "pickVendor" }),
});

export const submitQuotationSchema = z.object({
  directProcurementId: z.uuid(),
  price: rupiahInput,
});

export const recordNegotiationSchema = z.object({
  paketId: z.uuid(),
  price: rupiahInput,
  note: z.string().trim().min(10).max(2000),
});

export const completeDirectProcurementSchema = z.object({
  paketId: z.uuid(),
  contractNumber: z.string().trim().min(3).max(100),
  contractValue: rupiahInput,
});

export const cancelDirectProcurementSchema = z.object({
  paketId: z.uuid(),
  reason: z.string().trim().min(20).max(2000),
});

export type InviteVendorInput = z.infer<typeof inviteVendorSchema>;
export type SubmitQuotationInput = z.infer<typeof submitQuotationSchema>;
export type RecordNegotiationInput = z.infer<typeof recordNegotiationSchema>;
export type CompleteDirectProcurementInput = z.infer<typeof completeDirectProcurementSchema>;
export type CancelDirectProcurementInput = z.infer<typeof cancelDirectProcurementSchema>;
