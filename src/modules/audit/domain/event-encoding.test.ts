import { describe, expect, it } from "vitest";
import { canonicalize, eventBytes, eventLeafHash, eventMac, isMacValid, type AuditEventFields } from "./event-encoding";
import { leafHash } from "./merkle";

const key = Buffer.alloc(32, 7);
const event: AuditEventFields = {
  seq: 3n,
  occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, 3)),
  actorId: null,
  actorLabel: "Sistem",
  action: "bid.submitted",
  entityType: "Bid",
  entityId: "b-1",
  data: { amount: 200_000_000n, note: "event 3" },
  ip: "127.0.0.1",
  userAgent: null,
};

describe("canonicalize", () => {
  it("sorts keys so key order does not change the encoding", () => {
    expect(canonicalize({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalize({ a: { c: 3, d: 2 }, b: 1 }));
    expect(canonicalize({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("encodes bigint rupiah exactly and dates as ISO", () => {
    expect(canonicalize({ hps: 9_007_199_254_740_993n })).toBe('{"hps":"9007199254740993"}');
    expect(canonicalize(new Date(Date.UTC(2026, 0, 1)))).toBe('"2026-01-01T00:00:00.000Z"');
  });

  it("drops undefined keys but keeps null", () => {
    expect(canonicalize({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe("event MAC and leaf", () => {
  it("accepts the event it was made for", () => {
    expect(isMacValid(key, event, eventMac(key, event))).toBe(true);
  });

  it.each([
    ["actorLabel", { actorLabel: "Penyusup" }],
    ["data", { data: { amount: "0", note: "event 3" } }],
    ["seq", { seq: 4n }],
    ["time", { occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, 4)) }],
    ["ip", { ip: "10.0.0.9" }],
  ])("refuses the MAC once the %s changes", (_name, change) => {
    expect(isMacValid(key, { ...event, ...change }, eventMac(key, event))).toBe(false);
  });

  it("refuses a MAC made with another key, or of the wrong length", () => {
    expect(isMacValid(key, event, eventMac(Buffer.alloc(32, 8), event))).toBe(false);
    expect(isMacValid(key, event, Buffer.alloc(16))).toBe(false);
  });

  it("hashes the leaf as RFC 9162 does, over the same bytes, ignoring stored extras", () => {
    expect(eventLeafHash(event)).toEqual(leafHash(eventBytes(event)));
    expect(eventBytes({ ...event, mac: Buffer.alloc(32) } as AuditEventFields)).toEqual(eventBytes(event));
  });
});
