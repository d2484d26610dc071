import { z } from "zod";

import { positiveRupiah } from "@/lib/rupiah-schema";

export const inviteVendorSchema = z.object({
  paketId: z.uuid(),
  vendorId: z.uuid({ error: "pickVendor" }),
});

export const submitQuotationSchema = z.object({
  directProcurementId: z.uuid(),
  price: positiveRupiah,
});

export const recordNegotiationSchema = z.object({
  paketId: z.uuid(),
  price: positiveRupiah,
  note: z.string().trim().min(10).max(2000),
});

export const completeDirectProcurementSchema = z.object({
  paketId: z.uuid(),
  contractNumber: z.string().trim().min(3).max(100),
  contractValue: positiveRupiah,
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
