import { describe, expect, it } from "vitest";
import { canonicalize, findChainBreak, GENESIS_HASH, hashEvent, type StoredEvent } from "./chain";

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = {
      seq: BigInt(i),
      occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, i)),
      actorId: null,
      actorLabel: "system",
      action: "test.event",
      entityType: "Test",
      entityId: String(i),
      data: { amount: 200_000_000n * BigInt(i), note: `event ${i}` },
      ip: "127.0.0.1",
      userAgent: null,
      prevHash: prev,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, hash });
    prev = hash;
  }
  return events;
}

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

describe("findChainBreak", () => {
  it("accepts an intact chain", () => {
    const result = findChainBreak(chain(5), GENESIS_HASH);
    expect(result.brokenAt).toBeNull();
    expect(result.checked).toBe(5);
  });

  it("names the edited event when a field changes", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { amount: "0", note: "event 3" } };
    expect(findChainBreak(events, GENESIS_HASH).brokenAt).toEqual({ seq: 3n, reason: "HASH_MISMATCH" });
  });

  it("names the event after a deleted one", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events, GENESIS_HASH).brokenAt).toEqual({ seq: 3n, reason: "PREV_HASH_MISMATCH" });
  });

  it("catches a rewritten event whose own hash was recomputed", () => {
    const events = chain(4);
    const forged = { ...events[1]!, actorLabel: "attacker" };
    const { hash: _old, ...fields } = forged;
    events[1] = { ...fields, hash: hashEvent(fields) };
    expect(findChainBreak(events, GENESIS_HASH).brokenAt).toEqual({ seq: 3n, reason: "PREV_HASH_MISMATCH" });
  });
});
