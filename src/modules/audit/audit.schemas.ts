import { z } from "zod";

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
