import { z } from "zod";
import { isSafeText } from "@/lib/safe-text";

/** The session a row's "end this session" button names. */
export const endSessionSchema = z.object({ sessionId: z.uuid() });

export const endOtherSessionsSchema = z.object({});

/** An audit seq from the address: a whole number that fits PostgreSQL's bigint. */
const seqSchema = z
  .string()
  .regex(/^[1-9]\d{0,17}$/)
  .transform((value) => BigInt(value));

// One bad value in a shared link drops that part (the first page, no person) instead of
// failing the page: the address is typed by people, never a 500.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const accessLogQuery = z.object({
  /** older than this seq (the next page) */
  before: optional(seqSchema),
  /** whose log (the Auditor's view) */
  user: optional(z.uuid()),
  /** the Auditor's search for a person by name or e-mail */
  q: optional(z.string().trim().min(2).max(100).refine(isSafeText)),
});

export type AccessLogQuery = z.output<typeof accessLogQuery>;

/** Reads the access log's query string; a repeated parameter counts by its first value. */
export function parseAccessLogQuery(params: Record<string, string | string[] | undefined>): AccessLogQuery {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return accessLogQuery.parse(first);
}
