import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "../factories";
import { closeSignInLimiter } from "@/modules/auth/server/sign-in-limiter";
import { decodeSignInFailure } from "@/modules/auth/sign-in-error";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db";
import { compileTrustedProxies, stampForwardedHeaders } from "@/server/forwarded-headers";

// Over real sockets: the request passes the Segel server's step (src/cli/serve.ts) and
// reaches next-auth's authorize, the code the sign-in form posts to. Loopback has a whole
// /8, so a client can bind 127.0.0.2 and another 127.0.0.3: two real addresses.
type Authorize = (credentials: Record<string, string>, req: { headers: IncomingHttpHeaders }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

let server: Server;
let port = 0;

beforeAll(async () => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
  const trust = compileTrustedProxies(undefined);
  server = createServer((req, res) => {
    stampForwardedHeaders(req, trust);
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const outcome = await authorize(JSON.parse(body), { headers: req.headers }).then(
        () => ({ ok: true }),
        (error: Error) => ({ ok: false, ...decodeSignInFailure(error.message) }),
      );
      res.end(JSON.stringify(outcome));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeSignInLimiter();
});

function signInOver(from: string, email: string, password: string, forwardedFor?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (forwardedFor)
    Object.assign(headers, {
      "x-forwarded-for": forwardedFor,
      "x-real-ip": forwardedFor,
      "x-segel-client-ip": forwardedFor,
    });
  return new Promise<{ ok: boolean; messageKey?: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, localAddress: from, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ email, password }));
  });
}

describe("a forged X-Forwarded-For", () => {
  it("is not what the audit trail or the session records", async () => {
    const user = await makeUser();
    expect(await signInOver("127.0.0.4", user.email, "salah", "198.51.100.23")).toMatchObject({
      ok: false,
      messageKey: "badCredentials",
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signInFailed" } });
    expect(event.data).toMatchObject({ ip: "127.0.0.4" });
    expect(JSON.stringify([event.ip, event.data])).not.toContain("198.51.100.23");

    expect(await signInOver("127.0.0.4", user.email, TEST_PASSWORD, "198.51.100.23")).toMatchObject({ ok: true });
    const signedIn = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn" } });
    expect(signedIn.ip).toBe("127.0.0.4");
    expect((await db.userSession.findFirstOrThrow({ where: { userId: user.id } })).ip).toBe("127.0.0.4");
  });

  it("does not rotate the limiter's key: the rival's address is locked, the owner elsewhere signs in", async () => {
    const owner = await makeUser();
    const rival = "127.0.0.2";
    for (let i = 1; i <= 20; i++) {
      const forged = `198.51.100.${i}`;
      await signInOver(rival, `korban-${i}-${owner.email}`, "tebakan", forged);
    }
    // every forged address was ignored: all twenty failures fell on the rival's own address
    expect(await signInOver(rival, owner.email, TEST_PASSWORD, "198.51.100.99")).toMatchObject({
      ok: false,
      messageKey: "ipLocked",
    });
    expect(await signInOver("127.0.0.3", owner.email, TEST_PASSWORD)).toMatchObject({ ok: true });
    const forgedKeys = await db.$queryRaw<
      { key: string }[]
    >`SELECT key FROM rate_limit.sign_in WHERE key LIKE '%198.51.100.%'`;
    expect(forgedKeys).toEqual([]);
  });
});
