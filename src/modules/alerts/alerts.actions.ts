"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { createSavedSearchSchema, savedSearchIdSchema, updateSavedSearchSchema } from "./alerts.schemas";
import { createSavedSearch } from "./server/create-saved-search";
import { deleteSavedSearch } from "./server/delete-saved-search";
import { updateSavedSearch } from "./server/update-saved-search";

const PAGE = "/penyedia/pencarian-tersimpan";

export const createSavedSearchAction = action(createSavedSearchSchema, async (input, actor) => {
  const result = await createSavedSearch(actor, input);
  revalidatePath(PAGE);
  return result;
});

export const updateSavedSearchAction = action(updateSavedSearchSchema, async (input, actor) => {
  const result = await updateSavedSearch(actor, input);
  revalidatePath(PAGE);
  return result;
});

export const deleteSavedSearchAction = action(savedSearchIdSchema, async (input, actor) => {
  const result = await deleteSavedSearch(actor, input);
  revalidatePath(PAGE);
  return result;
});
