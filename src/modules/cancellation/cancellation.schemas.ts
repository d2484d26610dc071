import { z } from "zod";
import { REASON_MAX, REASON_MIN } from "@/modules/failure/domain";
import { CANCELLATION_GROUNDS, MAX_CANCELLATION_DOCUMENTS } from "./domain/cancellation-rules";

// Error texts are keys in errors.json (src/server/action.ts translates them).
export const cancelTenderSchema = z.object({
  tenderId: z.uuid(),
  ground: z.enum(CANCELLATION_GROUNDS, "cancelGroundRequired"),
  // the public reason: the bidders and the public are owed it, like a failure's
  reason: z.string().trim().min(REASON_MIN, "reasonTooShort").max(REASON_MAX, "reasonTooLong"),
  // checkboxes: none sends nothing, one sends a string
  documentIds: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid("cancelDocumentInvalid")).max(MAX_CANCELLATION_DOCUMENTS, "cancelTooManyDocuments"),
  ),
});

// documentIds may be left out (no letter ticked); the schema makes it an array
export type CancelTenderInput = Omit<z.input<typeof cancelTenderSchema>, "documentIds"> & { documentIds?: string[] };
