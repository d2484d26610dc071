import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { HTTP_STATUS, toUserError } from "./user-error";

/**
 * Route handlers (uploads, downloads) answer errors the way actions do: JSON with the
 * code and a message in the user's language, and the matching HTTP status.
 */
export function route<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const locale = await getLocale().catch(() => "id");
      const userError = await toUserError(error, isLocale(locale) ? locale : "id", name);
      return Response.json({ ok: false, ...userError }, { status: HTTP_STATUS[userError.code] });
    }
  };
}
