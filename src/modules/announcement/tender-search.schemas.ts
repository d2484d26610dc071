import { z } from "zod";
import { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";
import { pageNumberSchema } from "@/lib/page-number";
import { optionalRupiah } from "@/lib/rupiah-schema";
import { isSafeText } from "@/lib/safe-text";

export const TENDER_SORTS = ["newest", "hps-desc", "hps-asc", "deadline"] as const;
export type TenderSort = (typeof TENDER_SORTS)[number];

export const PAGE_SIZE = 20;

/** Longer keywords only slow the ILIKE down; no paket name or code comes near this. */
export const MAX_KEYWORD = 100;

const text = z
  .string()
  .trim()
  .max(MAX_KEYWORD)
  .refine(isSafeText)
  .transform((v) => v || undefined);

// Each filter on its own: one bad value in a shared link drops that filter and is named to
// the visitor (readTenderSearch's problems) instead of failing the page (never a 500).
const FILTERS = {
  year: z.coerce.number().int().min(2000).max(2100),
  agency: z.uuid(),
  category: z.enum(ProcurementCategory),
  method: z.enum(ProcurementMethod),
  stage: z.enum(StageKind),
  q: text,
  // "150.000.000" or "Rp 150.000.000" as typed; from zero to the rupiah ceiling (decision 0014)
  hpsMin: optionalRupiah.transform((v) => v ?? undefined),
  hpsMax: optionalRupiah.transform((v) => v ?? undefined),
  // any part of the paket's location; three characters at least, the trigram index's unit
  location: text.refine((v) => v === undefined || /[\p{L}\p{N}]{3}/u.test(v)),
} as const;

export type TenderSearchField = keyof typeof FILTERS;
export const TENDER_SEARCH_FIELDS = Object.keys(FILTERS) as TenderSearchField[];

export type TenderSearch = { [K in TenderSearchField]?: Exclude<z.output<(typeof FILTERS)[K]>, undefined> } & {
  sort: TenderSort;
  page: number;
};

/** A filter given but not usable (dropped), or an HPS range whose minimum exceeds its maximum. */
export type TenderSearchProblem = TenderSearchField | "hpsOrder";

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Reads the /tender query string; a repeated parameter counts by its first value. Every
 * filter that cannot be used is dropped and named in `problems`, so the page can say why
 * the list is wider than asked.
 */
export function readTenderSearch(params: RawParams): { search: TenderSearch; problems: TenderSearchProblem[] } {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const search: Record<string, unknown> = {
    sort: z.enum(TENDER_SORTS).catch("newest").parse(first("sort")),
    page: pageNumberSchema.parse(first("page")),
  };
  const problems: TenderSearchProblem[] = [];
  for (const key of TENDER_SEARCH_FIELDS) {
    const raw = first(key);
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = FILTERS[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) search[key] = parsed.data;
    else problems.push(key);
  }
  const { hpsMin, hpsMax } = search as TenderSearch;
  if (hpsMin !== undefined && hpsMax !== undefined && hpsMin > hpsMax) {
    delete search.hpsMin;
    delete search.hpsMax;
    problems.push("hpsOrder");
  }
  return { search: search as TenderSearch, problems };
}

export const parseTenderSearch = (params: RawParams): TenderSearch => readTenderSearch(params).search;

/**
 * The query string for a search, leaving out defaults so links stay short and the same
 * search always has the same address. `page` 1 is the default.
 */
export function tenderSearchQuery(search: TenderSearch, overrides: Partial<TenderSearch> = {}): string {
  const merged = { ...search, ...overrides };
  const query = new URLSearchParams();
  for (const key of TENDER_SEARCH_FIELDS) {
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
  return TENDER_SEARCH_FIELDS.some((key) => search[key] !== undefined);
}
