import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedAction } from "@/server/body-limit";
import { isServedOverHttps, makeNonce, pageSecurityHeaders } from "@/server/security-headers";
import { syncSignedInHint } from "@/server/signed-in-hint-cookie";

/**
 * Runs before every page request (Next 16's proxy, formerly middleware). A check that
 * answers the request itself goes before the last line and returns through `secure()`,
 * so its answer carries the same headers. Guards that decide who may do what live in the
 * use cases, never here (docs/ARCHITECTURE.md).
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = pageSecurityHeaders({
    nonce: makeNonce(),
    isHttps: isServedOverHttps(),
    isDev: process.env.NODE_ENV === "development",
  });
  const secure = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) if (value) response.headers.set(name, value);
    return response;
  };
  const refused = refuseOversizedAction(request);
  if (refused) return secure(refused);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = secure(NextResponse.next({ request: { headers: forwarded } }));
  syncSignedInHint(request, response);
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api: with a proxy in front Next buffers a request body to pass it on and cuts
      // it at 10 MB (proxyClientMaxBodySize), which would truncate streamed uploads. API
      // answers get their fixed CSP from next.config.ts. Not the build's static files either.
      source: "/((?!api/|_next/static/|_next/image|favicon.ico).*)",
      // a prefetch is not a page load: it needs no nonce of its own
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
