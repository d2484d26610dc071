import { describe, expect, it } from "vitest";
import { toAccessEntry, type AccessEvent } from "./access-entry";

const at = new Date("2026-12-01T01:00:00Z");
const event = (action: string, data: unknown, extra: Partial<AccessEvent> = {}): AccessEvent => ({
  seq: "7",
  occurredAt: at,
  action,
  ip: null,
  userAgent: null,
  data,
  ...extra,
});

describe("toAccessEntry", () => {
  it("reads a sign-in's own address and the second factor that passed for its session", () => {
    const entry = toAccessEntry(
      event("auth.signIn", { sessionId: "s1", method: "oidc" }, { ip: "10.0.0.1" }),
      new Map([["s1", "totp"]]),
    );
    expect(entry).toMatchObject({
      kind: "signIn",
      method: "oidc",
      secondFactor: "totp",
      ip: "10.0.0.1",
      sessionId: "s1",
    });
  });

  it("takes a sign-in recorded before methods were noted as a password one, with no second factor", () => {
    expect(toAccessEntry(event("auth.signIn", { sessionId: "s2" }), new Map())).toMatchObject({
      method: "password",
      secondFactor: "none",
    });
  });

  it("reads a refused sign-in's address, browser and reason from its data (no actor)", () => {
    const entry = toAccessEntry(
      event("auth.signInFailed", { reason: "badCredentials", ip: "198.51.100.4", userAgent: "curl/8.0" }),
      new Map(),
    );
    expect(entry).toMatchObject({ kind: "signInFailed", reason: "badCredentials", ip: "198.51.100.4", method: null });
    expect(entry.browser).toContain("curl");
  });

  it("ignores what is not its shape: a method it does not know, data that is not an object", () => {
    expect(toAccessEntry(event("auth.signIn", { method: "magic" }), new Map())).toMatchObject({ method: "password" });
    expect(toAccessEntry(event("auth.secondFactorFailed", ["x"]), new Map())).toMatchObject({
      kind: "secondFactorFailed",
      secondFactor: null,
      reason: null,
    });
  });
});
