import { z } from "zod";
import { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";
import { pageNumberSchema } from "@/lib/page-number";
import { isSafeText } from "@/lib/safe-text";

export const TENDER_SORTS = ["newest", "hps-desc", "hps-asc", "deadline"] as const;
export type TenderSort = (typeof TENDER_SORTS)[number];

export const PAGE_SIZE = 20;

/** Longer keywords only slow the ILIKE down; no paket name or code comes near this. */
const MAX_KEYWORD = 100;

// Every field falls back to "not given" on its own, so one bad value in a shared link
// drops that filter instead of failing the page (never a 500 from a URL).
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const schema = z.object({
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  agency: optional(z.uuid()),
  category: optional(z.enum(ProcurementCategory)),
  method: optional(z.enum(ProcurementMethod)),
  stage: optional(z.enum(StageKind)),
  q: optional(
    z
      .string()
      .trim()
      .max(MAX_KEYWORD)
      .refine(isSafeText)
      .transform((v) => v || undefined),
  ),
  sort: z.enum(TENDER_SORTS).catch("newest"),
  page: pageNumberSchema,
});

export type TenderSearch = z.output<typeof schema>;

type RawParams = Record<string, string | string[] | undefined>;

/** Reads the /tender query string; a repeated parameter counts by its first value. */
export function parseTenderSearch(params: RawParams): TenderSearch {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return schema.parse(first);
}

/**
 * The query string for a search, leaving out defaults so links stay short and the same
 * search always has the same address. `page` 1 is the default.
 */
export function tenderSearchQuery(search: TenderSearch, overrides: Partial<TenderSearch> = {}): string {
  const merged = { ...search, ...overrides };
  const query = new URLSearchParams();
  for (const key of ["year", "agency", "category", "method", "stage", "q"] as const) {
    const value = merged[key];
    if (value !== undefined) query.set(key, String(value));
  }
  if (merged.sort !== "newest") query.set("sort", merged.sort);
  if (merged.page > 1) query.set("page", String(merged.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** True when the visitor narrowed the list (the empty state then says so). */
export function hasFilters(search: TenderSearch): boolean {
  return [search.year, search.agency, search.category, search.method, search.stage, search.q].some(
    (v) => v !== undefined,
  );
}
