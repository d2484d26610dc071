import { createTranslator } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";
import en from "@/i18n/messages/en/errors.json";
import id from "@/i18n/messages/id/errors.json";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/i18n/locales";

/**
 * The largest body a server action accepts: Next's own default for
 * serverActions.bodySizeLimit (1 MB), which next.config.ts leaves as it is. Forms carry
 * text only; files stream through the upload routes under /api, which the proxy does not
 * see. Configuration, not law.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

const MESSAGES = { id, en };

function refusal(request: NextRequest, status: 411 | 413): NextResponse {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "validation" });
  const message = t("bodyTooLarge", { maxKb: ACTION_BODY_LIMIT_BYTES / 1024 });
  return NextResponse.json({ ok: false, code: "VALIDATION", message }, { status });
}

/**
 * Past the limit Next's action handler throws, and its caller answers 500 (Next 16.4).
 * So a POST to a page (every such POST is a server action, in a fetch or a plain form) is
 * answered here first: 413 when Content-Length is over the limit, 411 when there is no
 * Content-Length to check (a chunked body; browsers always send the length), with a
 * message in the user's language. Returns null for everything else.
 */
export function refuseOversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST") return null;
  const header = request.headers.get("content-length");
  if (header === null) return refusal(request, 411);
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length > ACTION_BODY_LIMIT_BYTES) return refusal(request, 413);
  return null;
}
