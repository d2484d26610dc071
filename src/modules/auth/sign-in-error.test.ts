import { describe, expect, it } from "vitest";
import { decodeSignInFailure, encodeSignInFailure } from "./sign-in-error";

describe("sign-in failure encoding", () => {
  it("round-trips a known failure", () => {
    const failure = { code: "RATE_LIMITED", messageKey: "signInPaused" as const, values: { minutes: 2 } };
    expect(decodeSignInFailure(encodeSignInFailure(failure))).toEqual(failure);
  });

  it.each([null, "", "CredentialsSignin", "{}", '{"code":"X","messageKey":"somethingElse"}', "[1]"])(
    "turns %j into the generic message",
    (raw) => {
      expect(decodeSignInFailure(raw).messageKey).toBe("unexpected");
    },
  );

  it.each(["OAuthCallback", "OAuthSignin", "AccessDenied", "Callback"])(
    "tells of a failed central sign-in for next-auth's own %j",
    (raw) => {
      expect(decodeSignInFailure(raw)).toEqual({ code: "UNAUTHENTICATED", messageKey: "oidcFailed", values: {} });
    },
  );

  it("drops values that are not text or numbers", () => {
    const raw = JSON.stringify({
      code: "UNAUTHENTICATED",
      messageKey: "badCredentials",
      values: { a: 1, b: { x: 1 } },
    });
    expect(decodeSignInFailure(raw).values).toEqual({ a: 1 });
  });
});
