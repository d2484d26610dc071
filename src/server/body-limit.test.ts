import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseOversizedAction } from "./body-limit";

const post = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3000/paket/baru", {
    method: "POST",
    headers: { "Next-Action": "abc123", ...headers },
  });

describe("refuseOversizedAction", () => {
  it("answers an action body over the limit with 413 and a message in the user's language", async () => {
    const refused = refuseOversizedAction(post({ "Content-Length": String(ACTION_BODY_LIMIT_BYTES + 1) }));
    expect(refused?.status).toBe(413);
    expect(await refused?.json()).toEqual({
      ok: false,
      code: "VALIDATION",
      message: expect.stringContaining("1024 KB"),
    });

    const english = refuseOversizedAction(post({ "Content-Length": "99999999999999999999", Cookie: "locale=en" }));
    expect(english?.status).toBe(413);
    expect(await english?.json()).toMatchObject({ message: expect.stringMatching(/^What you sent is too large/) });
  });

  it("answers a body of unknown length (chunked) with 411", () => {
    expect(refuseOversizedAction(post({}))?.status).toBe(411);
  });

  it("lets through a body at the limit and every request that is not a POST", () => {
    expect(refuseOversizedAction(post({ "Content-Length": String(ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
    expect(refuseOversizedAction(new NextRequest("http://localhost:3000/paket"))).toBeNull();
  });
});
