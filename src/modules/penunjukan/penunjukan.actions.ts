"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { choosePenunjukanVendorSchema, recordNegotiationSchema } from "./penunjukan.schemas";
import { choosePenunjukanVendor } from "./server/choose-penunjukan-vendor";
import { recordNegotiation } from "./server/record-negotiation";

export const choosePenunjukanVendorAction = action(choosePenunjukanVendorSchema, async (input, actor) => {
  const result = await choosePenunjukanVendor(actor, input);
  revalidatePath("/pokja", "layout");
  return result;
});

export const recordNegotiationAction = action(recordNegotiationSchema, async (input, actor) => {
  const result = await recordNegotiation(actor, input);
  revalidatePath("/", "layout");
  return { agreedPrice: result.agreedPrice.toString() };
});
