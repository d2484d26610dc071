import { describe, expect, it } from "vitest";
import { clientIp, userAgentOf } from "./client-ip";

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe("clientIp", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, "203.0.113.7"],
    [{ "x-forwarded-for": " 2001:db8::1 " }, "2001:db8::1"],
    [{ "x-forwarded-for": "", "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    [{ "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    [{}, null],
  ])("reads %j as %s", (headers, expected) => {
    expect(clientIp(from(headers))).toBe(expected);
  });
});

describe("userAgentOf", () => {
  it("trims and caps the length", () => {
    expect(userAgentOf(from({ "user-agent": " Firefox " }))).toBe("Firefox");
    expect(userAgentOf(from({ "user-agent": "x".repeat(600) }))?.length).toBe(512);
    expect(userAgentOf(from({}))).toBeNull();
  });
});
