import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "./proxy";

const page = (path = "/tender/30032026001") => proxy(new NextRequest(`http://localhost:3000${path}`));
const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

describe("proxy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives every page a CSP with a fresh nonce and hands the same nonce on to Next's renderer", () => {
    const first = page();
    const second = page();
    const nonce = nonceOf(first.headers.get("Content-Security-Policy"));
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("Content-Security-Policy"))).not.toBe(nonce);
    // NextResponse.next() passes overridden request headers on in x-middleware-request-*
    expect(nonceOf(first.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
  });

  it("sends HSTS and upgrades requests only when the portal's public address is https", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const plain = page();
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    expect(plain.headers.get("Content-Security-Policy")).not.toContain("upgrade-insecure-requests");

    vi.stubEnv("NEXTAUTH_URL", "https://lpse.example.go.id");
    const secure = page();
    expect(secure.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(secure.headers.get("Content-Security-Policy")).toContain("upgrade-insecure-requests");
  });

  it("ignores a client's claim of https: only the configured address counts", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const forged = proxy(new NextRequest("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(forged.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it.each([
    ["/", true],
    ["/tender/30032026001", true],
    ["/masuk", true],
    // uploads stream through /api: a proxy in front would buffer and cut bodies at 10 MB
    ["/api/documents?tenderId=x&kind=LAINNYA", false],
    ["/api/bids/files", false],
    ["/_next/static/chunks/main.js", false],
    ["/favicon.ico", false],
  ])("runs on %s: %s", (url, expected) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(expected);
  });

  it("leaves prefetches alone", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/tender", headers: { "next-router-prefetch": "1" } })).toBe(
      false,
    );
  });
});
