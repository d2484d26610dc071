"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { approveOpeningSchema } from "./opening.schemas";
import { approveOpening } from "./server/approve-opening";

export const approveOpeningAction = action(approveOpeningSchema, async (input, actor) => {
  const result = await approveOpening(actor, input);
  revalidatePath(`/pokja/pembukaan/${input.tenderId}`);
  return result;
});
