"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { publishNonTenderDocumentsSchema, recordNonTenderSchema } from "./non-tender.schemas";
import { publishNonTenderDocuments } from "./server/publish-non-tender-documents";
import { recordNonTender } from "./server/record-non-tender";

export const recordNonTenderAction = action(recordNonTenderSchema, async (input, actor) => {
  const record = await recordNonTender(actor, input);
  revalidatePath("/non-tender");
  return record;
});

export const publishNonTenderDocumentsAction = action(publishNonTenderDocumentsSchema, async (input, actor) => {
  const result = await publishNonTenderDocuments(actor, input);
  revalidatePath(`/non-tender/${input.nonTenderRecordId}`);
  return result;
});
