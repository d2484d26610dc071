"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { requestDrillSchema } from "./backup.schemas";
import { requestDrill } from "./server/request-drill";

export const requestDrillAction = action(requestDrillSchema, async (_input, actor) => {
  const drill = await requestDrill(actor);
  revalidatePath("/admin/cadangan");
  return drill;
});
