"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { methodRuleSchema, paketSchema, updatePaketSchema } from "./paket.schemas";
import { addMethodRule } from "./server/add-method-rule";
import { createPaket } from "./server/create-paket";
import { updatePaket } from "./server/update-paket";

export const createPaketAction = action(paketSchema, async (input, actor) => {
  const { id } = await createPaket(actor, input);
  revalidatePath("/paket");
  return { id };
});

export const updatePaketAction = action(updatePaketSchema, async (input, actor) => {
  const result = await updatePaket(actor, input);
  revalidatePath("/paket", "layout");
  return result;
});

export const addMethodRuleAction = action(methodRuleSchema, async (input, actor) => {
  const result = await addMethodRule(actor, input);
  revalidatePath("/admin/aturan-metode");
  return result;
});
