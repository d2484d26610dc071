import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, userAgentOf } from "./client-ip";

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe("clientIp", () => {
  it("reads only the address the Segel server stamped", () => {
    expect(clientIp(from({ [CLIENT_IP_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(from({ [CLIENT_IP_HEADER]: "2001:db8::1" }))).toBe("2001:db8::1");
  });

  it("never believes X-Forwarded-For or X-Real-IP on their own", () => {
    expect(clientIp(from({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.2" }))).toBeNull();
  });

  it("has no address for something that is not one", () => {
    expect(clientIp(from({ [CLIENT_IP_HEADER]: "unknown" }))).toBeNull();
    expect(clientIp(from({}))).toBeNull();
  });
});

describe("userAgentOf", () => {
  it("trims and caps the length", () => {
    expect(userAgentOf(from({ "user-agent": " Firefox " }))).toBe("Firefox");
    expect(userAgentOf(from({ "user-agent": "x".repeat(600) }))?.length).toBe(512);
    expect(userAgentOf(from({}))).toBeNull();
  });
});
