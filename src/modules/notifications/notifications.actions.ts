"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { markReadSchema } from "./notifications.schemas";
import { markNotificationsRead } from "./server/mark-notifications-read";

export const markReadAction = action(markReadSchema, async (input, actor) => {
  const count = await markNotificationsRead(actor, input.ids);
  // the header's unread count is on every page
  revalidatePath("/", "layout");
  return { count };
});
