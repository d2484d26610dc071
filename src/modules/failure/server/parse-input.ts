import "server-only";
import type { z } from "zod";
import { AppError } from "@/server/errors";

/**
 * Use cases validate their own input (they are called by actions, tests and scripts):
 * the first problem becomes a VALIDATION error with its message key, per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  const first = parsed.error.issues[0]?.message;
  throw new AppError("VALIDATION", first && !first.includes(" ") ? first : "VALIDATION", {}, fieldErrors);
}

/** What notification texts need to name a tender. */
export const TENDER_REF_SELECT = {
  id: true,
  code: true,
  paket: { select: { name: true, agency: { select: { timeZone: true } } } },
} as const;

export function tenderRef(t: { id: string; code: string; paket: { name: string; agency: { timeZone: string } } }) {
  return { id: t.id, code: t.code, name: t.paket.name, timeZone: t.paket.agency.timeZone };
}
