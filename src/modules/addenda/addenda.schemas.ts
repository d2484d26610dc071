import { z } from "zod";

export const ADDENDUM_SUMMARY_MIN = 10;
export const ADDENDUM_SUMMARY_MAX = 4000;

export const publishAddendumSchema = z.object({
  tenderId: z.uuid(),
  documentId: z.uuid({ error: "addendumDocumentMissing" }),
  summary: z
    .string()
    .trim()
    .min(ADDENDUM_SUMMARY_MIN, "addendumSummaryTooShort")
    .max(ADDENDUM_SUMMARY_MAX, "addendumSummaryTooLong"),
});

export type PublishAddendumInput = z.infer<typeof publishAddendumSchema>;
