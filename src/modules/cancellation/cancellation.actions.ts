"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { cancelTenderSchema } from "./cancellation.schemas";
import { cancelTender } from "./server/cancel-tender";

export const cancelTenderAction = action(cancelTenderSchema, async (input, actor) => {
  const result = await cancelTender(actor, input);
  revalidatePath("/", "layout");
  return { id: result.id };
});
