import "server-only";
import { randomBytes } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { isAppError, type ErrorCode } from "./errors";
import { logger } from "./logger";

export interface UserError {
  code: ErrorCode | "UNEXPECTED";
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * What the user is told about an error, in their language. AppErrors speak for
 * themselves; anything else is logged with a reference and shown as a generic message.
 */
export async function toUserError(error: unknown, locale: Locale, where: string): Promise<UserError> {
  const t = await getTranslations({ locale, namespace: "errors" });
  if (isAppError(error)) {
    const message = t.has(error.messageKey) ? t(error.messageKey, error.values) : t(error.code, error.values);
    // A field message may be a key in errors.json (translated) or a ready sentence.
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(
          Object.entries(error.fieldErrors).map(([field, texts]) => [
            field,
            texts.map((x) => (t.has(x) ? t(x, error.values) : x)),
          ]),
        )
      : undefined;
    return { code: error.code, message, fieldErrors };
  }
  const ref = randomBytes(4).toString("hex");
  logger.error({ ref, err: error, where }, "unexpected error");
  return { code: "UNEXPECTED", message: t("unexpected", { ref }) };
}

export const HTTP_STATUS: Record<UserError["code"], number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_STATE: 409,
  VALIDATION: 422,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  UNEXPECTED: 500,
};
