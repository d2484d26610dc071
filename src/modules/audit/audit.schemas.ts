import { z } from "zod";
import { isSafeText } from "@/lib/safe-text";
import { issueMessage } from "@/lib/validation-messages";

/** A tree size or event seq from a URL: a whole number that fits PostgreSQL's bigint. */
export const logNumberSchema = z
  .string()
  .regex(/^\d{1,18}$/)
  .transform((value) => BigInt(value));

/** null when the value is not such a number */
export function parseLogNumber(value: string | null | undefined): bigint | null {
  const parsed = logNumberSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// ------------------------------------------------------------ the audit trail's filters

/** Absent, or empty in a submitted GET form: no filter. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A day as the date input sends it; years outside 2000-2100 are no audit trail's. */
const day = z
  .string()
  .regex(/^(20\d\d|2100)-\d\d-\d\d$/, "auditFilterDate")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "auditFilterDate",
  );

/**
 * /audit's query string. Every value a person can type is checked here, for the form and
 * the use case alike: a wrong one is named with its message and nothing is searched
 * (docs/decisions/0011), never a 500.
 */
export const auditFilterSchema = z
  .object({
    tender: optionalText(
      z
        .string()
        .max(40)
        .regex(/^[A-Za-z0-9._/-]+$/, "auditFilterTender"),
    ),
    entityType: optionalText(z.string().regex(/^[A-Za-z]{1,40}$/, "auditFilterEntityType")),
    entityId: optionalText(
      z
        .string()
        .max(100)
        .regex(/^[\w.:@/-]+$/, "auditFilterEntityId"),
    ),
    actor: optionalText(z.string().min(2).max(100).refine(isSafeText, "validation.unsafeText")),
    action: optionalText(
      z
        .string()
        .max(60)
        .regex(/^[a-z][A-Za-z]*(\.[A-Za-z]*)?$/, "auditFilterAction"),
    ),
    from: optionalText(day),
    to: optionalText(day),
    before: optionalText(logNumberSchema),
  })
  .refine((f) => !f.entityId || f.entityType, { path: ["entityType"], message: "auditFilterEntityNeedsType" })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "auditFilterDateOrder" });

export type AuditFilterQuery = z.output<typeof auditFilterSchema>;

/** A field's problem as a key of errors.json with its values, for the page to translate. */
export type FilterProblem = { key: string; values?: Record<string, string | number> };

/**
 * Reads /audit's query string: the filters, or each wrong field's problem. A repeated
 * parameter counts by its first value; parameters that are no filter are ignored.
 */
export function parseAuditFilter(
  params: Record<string, string | string[] | undefined>,
): { ok: true; filter: AuditFilterQuery } | { ok: false; problems: Record<string, FilterProblem> } {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditFilterSchema.safeParse(first, {
    error: (issue) => JSON.stringify(issueMessage(issue)),
  });
  if (parsed.success) return { ok: true, filter: parsed.data };
  const problems: Record<string, FilterProblem> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    problems[field] ??= issue.message.startsWith("{")
      ? (JSON.parse(issue.message) as FilterProblem)
      : { key: issue.message };
  }
  return { ok: false, problems };
}
