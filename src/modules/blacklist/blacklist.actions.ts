"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { addBlacklistEntrySchema, liftBlacklistEntrySchema } from "./blacklist.schemas";
import { addBlacklistEntry } from "./server/add-blacklist-entry";
import { liftBlacklistEntry } from "./server/lift-blacklist-entry";

export const addBlacklistEntryAction = action(addBlacklistEntrySchema, async (input, actor) => {
  const result = await addBlacklistEntry(actor, input);
  revalidatePath("/daftar-hitam/kelola");
  return result;
});

export const liftBlacklistEntryAction = action(liftBlacklistEntrySchema, async (input, actor) => {
  const result = await liftBlacklistEntry(actor, input);
  revalidatePath("/daftar-hitam/kelola");
  return { liftedAt: result.liftedAt.toISOString() };
});
