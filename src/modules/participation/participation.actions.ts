"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { registerForTenderSchema } from "./participation.schemas";
import { registerForTender } from "./server/register-for-tender";

export const registerForTenderAction = action(registerForTenderSchema, async (input, actor) => {
  const result = await registerForTender(actor, input);
  revalidatePath("/tender", "layout");
  return { isNew: result.isNew };
});
