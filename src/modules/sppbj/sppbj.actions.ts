"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { issueSppbj } from "./server/issue-sppbj";
import { issueSppbjSchema } from "./sppbj.schemas";

export const issueSppbjAction = action(issueSppbjSchema, async (input, actor) => {
  const result = await issueSppbj(actor, input);
  revalidatePath(`/ppk/sppbj/${input.tenderId}`);
  return { documentId: result.documentId, letterNumber: result.letterNumber };
});
