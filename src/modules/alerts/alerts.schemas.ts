import { z } from "zod";
import { optionalRupiah } from "@/lib/rupiah-schema";
import { PROCUREMENT_CATEGORIES } from "@/modules/paket/domain";
import { parseKbliList } from "@/modules/vendors/domain";
import { ALERT_FREQUENCIES } from "./domain/frequency";
import {
  SAVED_SEARCH_KBLI_MAX,
  SAVED_SEARCH_KEYWORD_MAX,
  SAVED_SEARCH_NAME_MAX,
  SAVED_SEARCH_REGION_MAX,
} from "./domain/limits";

// Messages are keys of errors.json; the action wrapper translates them.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "fieldTooLong" })
    .optional()
    .transform((v) => (v ? v.replace(/\s+/g, " ") : null));

/** Typed as "41011, 42101" or sent as a list; empty: any KBLI. */
const kbli = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const parsed = parseKbliList(v ?? "");
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: "kbliInvalid" });
    else if (parsed.value.length > SAVED_SEARCH_KBLI_MAX)
      ctx.addIssue({ code: "custom", message: "alerts.kbliTooMany" });
    return parsed.ok ? parsed.value : z.NEVER;
  });

/** Checkboxes: absent, one value or several. */
const categories = z
  .union([z.enum(PROCUREMENT_CATEGORIES), z.array(z.enum(PROCUREMENT_CATEGORIES))])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);

export const savedSearchFieldsSchema = z
  .object({
    name: z
      .string({ message: "fieldRequired" })
      .trim()
      .min(1, { message: "fieldRequired" })
      .max(SAVED_SEARCH_NAME_MAX, { message: "fieldTooLong" }),
    kbli,
    region: optionalText(SAVED_SEARCH_REGION_MAX),
    categories,
    minValue: optionalRupiah,
    maxValue: optionalRupiah,
    keyword: optionalText(SAVED_SEARCH_KEYWORD_MAX),
    frequency: z.enum(ALERT_FREQUENCIES, { message: "fieldRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.minValue !== null && v.maxValue !== null && v.minValue > v.maxValue)
      ctx.addIssue({ code: "custom", path: ["maxValue"], message: "alerts.rangeInverted" });
  });
export type SavedSearchFields = z.infer<typeof savedSearchFieldsSchema>;

export const createSavedSearchSchema = savedSearchFieldsSchema;
export const updateSavedSearchSchema = savedSearchFieldsSchema.and(z.object({ savedSearchId: z.uuid() }));
export type UpdateSavedSearchInput = z.infer<typeof updateSavedSearchSchema>;
export const savedSearchIdSchema = z.object({ savedSearchId: z.uuid() });
export type SavedSearchIdInput = z.infer<typeof savedSearchIdSchema>;
