"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { endSessionSchema, endOtherSessionsSchema } from "./access-log.schemas";
import { endOtherSessions } from "./server/end-other-sessions";
import { endSession } from "./server/end-session";

export const endSessionAction = action(endSessionSchema, async (input, actor) => {
  const result = await endSession(actor, input.sessionId);
  revalidatePath("/akun/log-akses");
  return result;
});

export const endOtherSessionsAction = action(endOtherSessionsSchema, async (_input, actor) => {
  const result = await endOtherSessions(actor);
  revalidatePath("/akun/log-akses");
  return result;
});
