"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { disableUserSchema, enableUserSchema } from "./auth.schemas";
import { disableUser } from "./server/disable-user";
import { enableUser } from "./server/enable-user";

export const disableUserAction = action(disableUserSchema, async (input, actor) => {
  await disableUser(actor, input);
  revalidatePath("/admin/pengguna");
});

export const enableUserAction = action(enableUserSchema, async (input, actor) => {
  await enableUser(actor, input);
  revalidatePath("/admin/pengguna");
});
