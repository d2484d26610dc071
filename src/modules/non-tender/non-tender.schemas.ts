import { z } from "zod";
import { NonTenderKind, ProcurementCategory } from "@/generated/prisma/enums";
import { positiveRupiah } from "@/lib/rupiah-schema";
import { NON_TENDER_RULE } from "./domain/non-tender-rules";

// Error texts are keys in errors.json; the action wrapper translates them.
export const recordNonTenderSchema = z.object({
  workUnitId: z.uuid({ error: "pickWorkUnit" }),
  name: z.string().trim().min(5).max(300),
  // an empty field in the form means "no RUP code"
  rupCode: z
    .string()
    .trim()
    .max(50)
    .optional()
    .transform((v) => v || undefined),
  category: z.enum(ProcurementCategory),
  kind: z.enum(NonTenderKind),
  reason: z.string().trim().min(NON_TENDER_RULE.minReasonLength, "reasonTooShort").max(NON_TENDER_RULE.maxReasonLength),
  value: positiveRupiah,
  vendorName: z.string().trim().min(2).max(200),
  realizedOn: z.iso.date({ error: "dateInvalid" }),
});

export const publishNonTenderDocumentsSchema = z.object({
  nonTenderRecordId: z.uuid(),
});

// rupCode may be left out altogether when the use case is called from code
export type RecordNonTenderInput = Omit<z.infer<typeof recordNonTenderSchema>, "rupCode"> & { rupCode?: string };
export type PublishNonTenderDocumentsInput = z.infer<typeof publishNonTenderDocumentsSchema>;
