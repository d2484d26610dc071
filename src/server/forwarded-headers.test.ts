import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "./auth/client-ip";
import { compileTrustedProxies, resolveClientAddress, stampForwardedHeaders } from "./forwarded-headers";

const request = (remoteAddress: string, headers: Record<string, string> = {}, encrypted = false) =>
  ({ headers: { ...headers }, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage;

const addressOf = (trusted: string | undefined, remote: string, forwardedFor?: string) =>
  resolveClientAddress(
    request(remote, forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
    compileTrustedProxies(trusted),
  );

describe("resolveClientAddress", () => {
  it("takes the socket's address when no proxy is trusted, whatever the client claims", () => {
    expect(addressOf(undefined, "203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(addressOf("", "203.0.113.9", "198.51.100.1, 10.0.0.1")).toBe("203.0.113.9");
  });

  it("behind a trusted proxy takes the right-most address it does not trust", () => {
    // the client forged the first entry; nginx appended the address it saw
    expect(addressOf("10.0.0.5", "10.0.0.5", "1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(addressOf("10.0.0.5", "10.0.0.5", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("walks through a chain of trusted proxies, and no further", () => {
    expect(addressOf("10.0.0.0/8", "10.0.0.5", "1.2.3.4, 203.0.113.9, 10.1.1.1")).toBe("203.0.113.9");
    expect(addressOf("10.0.0.5, 10.0.0.6", "10.0.0.5", "1.2.3.4, 203.0.113.9, 10.0.0.6")).toBe("203.0.113.9");
  });

  it("ignores the header from a peer that is not a trusted proxy", () => {
    expect(addressOf("10.0.0.0/8", "192.0.2.50", "1.2.3.4")).toBe("192.0.2.50");
  });

  it("matches CIDR ranges exactly at their edges", () => {
    expect(addressOf("192.168.4.0/22", "192.168.7.255", "203.0.113.9")).toBe("203.0.113.9");
    expect(addressOf("192.168.4.0/22", "192.168.8.0", "203.0.113.9")).toBe("192.168.8.0");
  });

  it("understands IPv6 and the names loopback, linklocal and uniquelocal", () => {
    expect(addressOf("2001:db8::/32", "2001:db8::1", "2001:db8:ffff::1, 2400:cb00::7")).toBe("2400:cb00::7");
    expect(addressOf("loopback", "::1", "203.0.113.9")).toBe("203.0.113.9");
    expect(addressOf("uniquelocal", "172.16.0.2", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("writes IPv4-mapped IPv6 addresses as plain IPv4, so one client has one key", () => {
    expect(addressOf(undefined, "::ffff:127.0.0.1", "198.51.100.1")).toBe("127.0.0.1");
    expect(addressOf("127.0.0.1", "::ffff:127.0.0.1", "::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("falls back to the socket when a trusted proxy passes something that is not an address", () => {
    expect(addressOf("loopback", "127.0.0.1", "not-an-ip")).toBe("127.0.0.1");
  });

  it("has no address for a socket that has none", () => {
    expect(addressOf(undefined, undefined as unknown as string, "1.2.3.4")).toBeNull();
  });
});

describe("compileTrustedProxies", () => {
  it("refuses a setting it cannot read, so a typo does not silently trust nobody or everybody", () => {
    expect(() => compileTrustedProxies("10.0.0.300")).toThrow(/SEGEL_TRUSTED_PROXIES/);
    expect(() => compileTrustedProxies("nginx")).toThrow(/SEGEL_TRUSTED_PROXIES/);
  });
});

describe("stampForwardedHeaders", () => {
  it("replaces a client-sent address header and drops forwarded headers from an untrusted peer", () => {
    const req = request("203.0.113.9", {
      [CLIENT_IP_HEADER]: "1.1.1.1",
      "x-forwarded-for": "1.1.1.1",
      "x-real-ip": "1.1.1.1",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
    });
    stampForwardedHeaders(req, compileTrustedProxies(undefined));
    expect(req.headers).toEqual({ [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" });
  });

  it("keeps the scheme and host a trusted proxy reports", () => {
    const req = request("10.0.0.5", {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "lpse.example.go.id",
    });
    stampForwardedHeaders(req, compileTrustedProxies("10.0.0.5"));
    expect(req.headers).toMatchObject({
      [CLIENT_IP_HEADER]: "203.0.113.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "lpse.example.go.id",
    });
  });
});
