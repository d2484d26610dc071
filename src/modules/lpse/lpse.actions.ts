"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { lpseLogoSchema, lpseProfileSchema } from "./lpse.schemas";
import { setLpseLogo } from "./server/set-lpse-logo";
import { updateLpseProfile } from "./server/update-lpse-profile";

// the profile shows on every page (header, footer), so every page is revalidated
export const updateLpseProfileAction = action(lpseProfileSchema, async (input, actor) => {
  const result = await updateLpseProfile(actor, input);
  revalidatePath("/", "layout");
  return result;
});

export const setLpseLogoAction = action(lpseLogoSchema, async (input, actor) => {
  const result = await setLpseLogo(actor, input.logo);
  revalidatePath("/", "layout");
  return result;
});
