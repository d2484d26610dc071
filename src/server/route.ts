import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/i18n/locales";
import { isUuid } from "@/lib/ids";
import { isSafeText } from "@/lib/safe-text";
import { AppError } from "./errors";
import { assertWritable, isMaintenanceError } from "./maintenance-gate";
import { HTTP_STATUS, toUserError } from "./user-error";

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/**
 * Route handlers (uploads, downloads) answer errors the way actions do: JSON with the
 * code and a message in the user's language, and the matching HTTP status. A write
 * (POST, PATCH, PUT, DELETE) during a maintenance window is refused before the handler
 * runs: 503 with Retry-After (docs/decisions/0040).
 */
export function route<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request && WRITE_METHODS.has(request.method)) await assertWritable(await userLocale());
      return await handler(...args);
    } catch (error) {
      const userError = await toUserError(error, await userLocale(), name);
      if (isMaintenanceError(error))
        return Response.json(
          { ok: false, ...userError },
          { status: 503, headers: { "Retry-After": String(error.retryAfterSeconds), "Cache-Control": "no-store" } },
        );
      return Response.json({ ok: false, ...userError }, { status: HTTP_STATUS[userError.code] });
    }
  };
}

/** The user's language, or Indonesian where next-intl has no request to ask (it may throw, not reject). */
async function userLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : "id";
  } catch {
    return "id";
  }
}

/** An id from the URL of a route: anything but a UUID is a record that does not exist (404). */
export function routeId(value: string): string {
  if (!isUuid(value)) throw new AppError("NOT_FOUND");
  return value;
}

/**
 * The file name of a streamed upload, sent URI-encoded in X-File-Name (headers carry no
 * UTF-8). Malformed percent-encoding, or a name PostgreSQL cannot store, is a VALIDATION
 * error (422) with a message, never a 500.
 */
export function fileNameHeader(request: Request): string {
  let name: string;
  try {
    name = decodeURIComponent(request.headers.get("x-file-name") ?? "");
  } catch {
    throw new AppError("VALIDATION", "validation.fileName");
  }
  if (!isSafeText(name)) throw new AppError("VALIDATION", "validation.fileName");
  return name;
}
