"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { openingKeySchema } from "./sealing.schemas";
import { setOpeningKey } from "./server/set-opening-key";

export const setOpeningKeyAction = action(openingKeySchema, async (input, actor) => {
  const result = await setOpeningKey(actor, input);
  revalidatePath("/akun/kunci-pembukaan");
  return { changed: result.changed };
});
