import NextAuth from "next-auth";
import { encode, getToken } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "session-cookie-test-secret-0123456789";

/**
 * The session cookie next-auth sets for a signed-in browser, with the options built for
 * the given public address (authOptions is read once per process, as in production).
 */
async function sessionCookieFor(publicUrl: string) {
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.resetModules();
  const { authOptions } = await import("./options");
  const { isServedOverHttps } = await import("../security-headers");
  const token = await encode({ token: { sub: "user", sid: "session" }, secret: SECRET });
  // The session endpoint renews the cookie on every call, as the browser's polling does;
  // called the way Next's pages API calls it, so the Set-Cookie header is the real one.
  const setCookies: string[] = [];
  const res = {
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? [...setCookies] : undefined),
    setHeader: (name: string, value: string | string[]) => {
      if (name.toLowerCase() === "set-cookie") setCookies.splice(0, setCookies.length, ...[value].flat());
    },
    status: () => res,
    send: () => res,
    json: () => res,
    end: () => res,
  };
  const req = {
    method: "GET",
    query: { nextauth: ["session"] },
    headers: { host: new URL(publicUrl).host },
    cookies: { "__Secure-next-auth.session-token": token, "next-auth.session-token": token },
    body: {},
  };
  await NextAuth(req as never, res as never, authOptions);
  const header = setCookies.find((c) => /next-auth\.session-token=/.test(c));
  const [name, value] = header ? header.split(";")[0]!.split(/=(.*)/s) : [];
  // and what src/server/session.ts reads back from it
  const read = name
    ? await getToken({
        req: { cookies: { [name]: value }, headers: {} } as never,
        secret: SECRET,
        secureCookie: isServedOverHttps(),
      })
    : null;
  return { header: header ?? "", name, read };
}

describe("the session cookie", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is Secure and __Secure- prefixed when the portal is served over https", async () => {
    const { header, name, read } = await sessionCookieFor("https://lpse.example.go.id");
    expect(name).toBe("__Secure-next-auth.session-token");
    expect(header).toMatch(/; Secure(;|$)/);
    expect(header).toMatch(/; HttpOnly(;|$)/);
    expect(read?.sid).toBe("session");
  });

  it("stays usable over plain http (a laptop, the test server): no Secure flag there", async () => {
    const { header, name, read } = await sessionCookieFor("http://localhost:3000");
    expect(name).toBe("next-auth.session-token");
    expect(header).not.toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly(;|$)/);
    expect(read?.sid).toBe("session");
  });
});
