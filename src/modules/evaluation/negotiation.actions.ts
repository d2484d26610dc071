"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { recordNegotiationSchema } from "./negotiation.schemas";
import { recordNegotiation } from "./server/record-negotiation";

// One-line wrapper; the use case checks the Pokja seat, the stage, the turn and the price.
export const recordNegotiationAction = action(recordNegotiationSchema, async (input, actor) => {
  const { outcome } = await recordNegotiation(actor, input);
  revalidatePath(`/pokja/evaluasi/${input.tenderId}`);
  return { outcome };
});
