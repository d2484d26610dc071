import { z } from "zod";

/**
 * Far beyond any list Segel shows (100,000 pages of 20 is two million rows), and small
 * enough that (page - 1) * pageSize stays a safe integer and a valid OFFSET.
 * Configuration, not law.
 */
export const MAX_PAGE = 100_000;

/** A page number from a URL: a whole number from 1 to MAX_PAGE, or else page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

/** The one way pages read ?page=: a repeated parameter counts by its first value. */
export function parsePageNumber(raw: string | string[] | undefined): number {
  return pageNumberSchema.parse(Array.isArray(raw) ? raw[0] : raw);
}
