import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, FIXED_HEADERS, isServedOverHttps } from "./security-headers";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the request's nonce, and nothing load from elsewhere", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", isHttps: false, isDev: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect([...csp.values()].join(" ")).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("allows eval and inline styles only under next dev", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", isHttps: false, isDev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
  });
});

describe("isServedOverHttps", () => {
  it.each([
    ["https://lpse.example.go.id", true],
    ["HTTPS://LPSE.EXAMPLE.GO.ID/", true],
    ["http://localhost:3000", false],
    ["", false],
    [undefined, false],
  ])("%s: %s", (url, expected) => {
    expect(isServedOverHttps(url ?? "")).toBe(expected);
  });
});

describe("FIXED_HEADERS", () => {
  it("turns off the browser features the portal never uses", () => {
    const policy = FIXED_HEADERS.find((h) => h.key === "Permissions-Policy")?.value ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(policy).toContain(`${feature}=()`);
  });
});
