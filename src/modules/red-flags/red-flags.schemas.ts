import { z } from "zod";
import { RED_FLAG_CODES } from "./domain/codes";

/** Absent, or empty in a submitted GET form: no filter. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" ? (value.trim() === "" ? undefined : value.trim()) : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** The position after the last row shown: its raisedAt (epoch ms) and id, newest first. */
export interface RedFlagCursor {
  raisedAt: Date;
  id: string;
}
const cursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "before")
  .transform((value): RedFlagCursor => {
    const [ms, id] = value.split("_") as [string, string];
    return { raisedAt: new Date(Number(ms)), id };
  });
export const formatCursor = (c: RedFlagCursor) => `${c.raisedAt.getTime()}_${c.id}`;

/**
 * The filters of /tanda-bahaya and of its export (/api/red-flags), one schema for both. Each
 * message is a key of redFlags.json's `filterErrors`, named after the field.
 */
export const redFlagFilterSchema = z.object({
  code: optional(z.enum(RED_FLAG_CODES, "code")),
  agency: optional(z.uuid("agency")),
  year: optional(
    z
      .string()
      .regex(/^\d{4}$/, "year")
      .transform(Number)
      .refine((y) => y >= 2000 && y <= 2100, "year"),
  ),
  before: optional(cursorSchema),
});
export type RedFlagFilter = z.output<typeof redFlagFilterSchema>;
export const RED_FLAG_FILTER_KEYS = ["code", "agency", "year"] as const;

/** The query string read: the filters, or the fields that are wrong (their message keys). */
export function parseRedFlagFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): { ok: true; filter: RedFlagFilter } | { ok: false; fields: string[] } {
  const first = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const parsed = redFlagFilterSchema.safeParse(
    Object.fromEntries(["code", "agency", "year", "before"].map((k) => [k, first(k)])),
  );
  if (parsed.success) return { ok: true, filter: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
}
