"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  decidePenunjukanLangsungSchema,
  declareTenderFailedSchema,
  requestPenunjukanLangsungSchema,
  retenderSchema,
} from "./failure.schemas";
import { decidePenunjukanLangsung } from "./server/decide-penunjukan-langsung";
import { declareTenderFailed } from "./server/declare-tender-failed";
import { requestPenunjukanLangsung } from "./server/request-penunjukan-langsung";
import { retender } from "./server/retender";

export const declareTenderFailedAction = action(declareTenderFailedSchema, async (input, actor) => {
  const result = await declareTenderFailed(actor, input);
  revalidatePath("/", "layout");
  return { id: result.id };
});

export const retenderAction = action(retenderSchema, async (input, actor) => {
  const result = await retender(actor, input);
  revalidatePath("/pokja", "layout");
  return result;
});

export const requestPenunjukanLangsungAction = action(requestPenunjukanLangsungSchema, async (input, actor) => {
  const result = await requestPenunjukanLangsung(actor, input);
  revalidatePath("/", "layout");
  return result;
});

export const decidePenunjukanLangsungAction = action(decidePenunjukanLangsungSchema, async (input, actor) => {
  const result = await decidePenunjukanLangsung(actor, input);
  revalidatePath("/kpa");
  return { id: result.id, decision: result.decision };
});
