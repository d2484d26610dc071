import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { syncSignedInHint } from "./signed-in-hint-cookie";
import { SHARED_PAGE_HEADER } from "./shared-page-header";

function hintAfter(headers: Record<string, string>): string | null {
  const response = NextResponse.next();
  syncSignedInHint(new NextRequest("http://localhost/dasbor", { headers }), response);
  return response.headers.get("set-cookie");
}

describe("the signed-in hint on page responses", () => {
  it("is set with the session cookie, over http or https and in chunks, and readable by the page's script", () => {
    for (const cookie of [
      "next-auth.session-token=x",
      "__Secure-next-auth.session-token.0=x",
      "locale=en; next-auth.session-token=x",
    ]) {
      const set = hintAfter({ cookie });
      expect(set).toMatch(/^segel-signed-in=1; Path=\//);
      expect(set).not.toMatch(/HttpOnly/i);
    }
    expect(hintAfter({ cookie: "next-auth.session-token=x; segel-signed-in=1" })).toBeNull();
  });

  it("is cleared once the session cookie is gone, and left alone on a shared page, whose cookies were dropped", () => {
    expect(hintAfter({ cookie: "segel-signed-in=1" })).toBe("segel-signed-in=; Path=/; Max-Age=0");
    expect(hintAfter({ cookie: "locale=id" })).toBeNull();
    expect(hintAfter({ cookie: "segel-signed-in=1", [SHARED_PAGE_HEADER]: "1" })).toBeNull();
  });
});
