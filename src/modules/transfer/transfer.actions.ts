"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { markTransferredSchema } from "./domain/transfer-input";
import { markTenderTransferred } from "./server/mark-transferred";

export const markTenderTransferredAction = action(markTransferredSchema, async (input, actor) => {
  const result = await markTenderTransferred(actor, input);
  // the public announcement and the list now point at the new home
  revalidatePath(`/tender/${result.code}`);
  revalidatePath("/tender");
  revalidatePath("/admin/pindah-tender");
  return { code: result.code, notified: result.notified };
});
