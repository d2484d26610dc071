"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  cancelDirectProcurementSchema,
  completeDirectProcurementSchema,
  inviteVendorSchema,
  recordNegotiationSchema,
  submitQuotationSchema,
} from "./direct-procurement.schemas";
import { cancelDirectProcurement } from "./server/cancel-direct-procurement";
import { completeDirectProcurement } from "./server/complete-direct-procurement";
import { inviteVendor } from "./server/invite-vendor";
import { recordNegotiation } from "./server/record-negotiation";
import { submitQuotation } from "./server/submit-quotation";

const paketPage = (paketId: string) => revalidatePath(`/pengadaan-langsung/${paketId}`);

export const inviteVendorAction = action(inviteVendorSchema, async (input, actor) => {
  await inviteVendor(actor, input);
  paketPage(input.paketId);
});

export const submitQuotationAction = action(submitQuotationSchema, async (input, actor) => {
  await submitQuotation(actor, input);
  revalidatePath("/penyedia/undangan");
});

export const recordNegotiationAction = action(recordNegotiationSchema, async (input, actor) => {
  await recordNegotiation(actor, input);
  paketPage(input.paketId);
});

export const completeDirectProcurementAction = action(completeDirectProcurementSchema, async (input, actor) => {
  await completeDirectProcurement(actor, input);
  paketPage(input.paketId);
});

export const cancelDirectProcurementAction = action(cancelDirectProcurementSchema, async (input, actor) => {
  await cancelDirectProcurement(actor, input);
  paketPage(input.paketId);
});
