/**
 * Errors a user may see. Only these codes reach the browser; anything else is logged
 * with a reference and shown as a generic message (src/server/action.ts).
 */
export const ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "INVALID_STATE",
  "VALIDATION",
  "CONFLICT",
  "UNAUTHENTICATED",
  "RATE_LIMITED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** key in the "errors" messages (src/i18n/messages/<locale>/errors.json) */
  readonly messageKey: string;
  readonly values: Record<string, string | number>;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: ErrorCode,
    messageKey: string = code,
    values: Record<string, string | number> = {},
    fieldErrors?: Record<string, string[]>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.values = values;
    this.fieldErrors = fieldErrors;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
