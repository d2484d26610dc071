"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { publishAddendumSchema } from "./addenda.schemas";
import { publishAddendum } from "./server/publish-addendum";

export const publishAddendumAction = action(publishAddendumSchema, async (input, actor) => {
  const result = await publishAddendum(actor, input);
  revalidatePath(`/pokja/penjelasan/${input.tenderId}`);
  return result;
});
