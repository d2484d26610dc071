"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { handOverSchema } from "./handover.schemas";
import { handOverPaket } from "./server/hand-over-paket";

export const handOverPaketAction = action(handOverSchema, async (input, actor) => {
  const result = await handOverPaket(actor, input);
  revalidatePath("/paket", "layout");
  return { tenderCode: result.tender?.code ?? null };
});
