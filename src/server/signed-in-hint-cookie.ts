import type { NextRequest, NextResponse } from "next/server";
import { isServedOverHttps } from "./security-headers";
import { SHARED_PAGE_HEADER } from "./shared-page-header";
import { SIGNED_IN_HINT } from "./signed-in-hint-name";

/** next-auth's session cookie, over http or https, whole or in chunks. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Keeps the browser's signed-in hint (src/modules/shell/components/signed-in-hint.ts) in step with
 * the session cookie, on every page request that carries the visitor's cookies: set when
 * they sign in, before the browser reaches a shared page, and cleared once the session
 * cookie is gone. A shared page's request has had its cookies dropped, so it says nothing.
 */
export function syncSignedInHint(request: NextRequest, response: NextResponse): void {
  if (request.headers.get(SHARED_PAGE_HEADER) === "1") return;
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  const hasHint = request.cookies.get(SIGNED_IN_HINT)?.value === "1";
  if (hasSession && !hasHint)
    response.cookies.set(SIGNED_IN_HINT, "1", { path: "/", sameSite: "lax", secure: isServedOverHttps() });
  else if (!hasSession && request.cookies.has(SIGNED_IN_HINT))
    response.cookies.set(SIGNED_IN_HINT, "", { path: "/", maxAge: 0 });
}
