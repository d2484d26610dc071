import { describe, expect, it, vi } from "vitest";
import { ownerDatabaseUrl } from "../../../../tests/setup/owner-sql";
import { resetDatabase } from "../../../../tests/setup/reset-database";
import { db, type Tx } from "@/server/db";
import { recordAuditEvent } from "./record-audit-event";

const record = (action: string, entityId: string) =>
  db.$transaction((tx) => recordAuditEvent(tx, { actor: null, action, entityType: "Tender", entityId }));
const heldEvent = (tx: Tx) =>
  recordAuditEvent(tx, { actor: null, action: "test.held", entityType: "Tender", entityId: "held" });
const logged = (action: string) => db.auditLogEntry.count({ where: { event: { action } } });

/** A transaction that runs `work`, then stays open until `end` is called. */
function openTransaction(work: (tx: Tx) => Promise<unknown>) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  let started!: () => void;
  const begun = new Promise<void>((resolve) => (started = resolve));
  const done = db.$transaction(
    async (tx) => {
      await work(tx);
      started();
      await ended;
    },
    { timeout: 60_000 },
  );
  // a failure before `started` must not leave the test waiting on `begun`
  return { begun: Promise.race([begun, done.then(() => undefined)]), end: async () => (end(), await done) };
}

/** The sequencer with the state of a process that has just started (it keeps its floor per process). */
async function freshSequencer() {
  vi.resetModules();
  return (await import("./sequence-audit-log")).sequenceAuditLog;
}

/**
 * Stop 26's CI run failed "takes no lock in user transactions" (audit-log.int.test.ts): an
 * event whose transaction stayed open was never appended, because the sequencer's floor
 * passed its seq. Each test below drives one way that happened, in order, on a fresh
 * sequencer, and failed before its fix (sequence-audit-log.ts).
 */
describe("the sequencer's floor", () => {
  it("does not pass the seq of a transaction still open, even when no later id had completed", async () => {
    const sequenceAuditLog = await freshSequencer();
    // seq 1 taken; no transaction with a later id has ended yet, so the snapshot's xmax is at
    // or below the held id: the old bound
    const held = openTransaction(heldEvent);
    await held.begun;
    await sequenceAuditLog();
    await record("test.after", "a-1"); // a later id completes
    await sequenceAuditLog();
    expect(await logged("test.after")).toBe(1);
    await held.end();
    await sequenceAuditLog();
    expect(await logged("test.held")).toBe(1);
  });

  it("starts over when the tables were emptied under it, and appends an event that commits late", async () => {
    const sequenceAuditLog = await freshSequencer();
    // before the reset: 11 events sequenced while an older transaction keeps xmin back, so
    // the sequencer remembers seq 11 without settling its floor on it
    const blocker = openTransaction((tx) => tx.$queryRaw`SELECT pg_current_xact_id()::text`);
    await blocker.begun;
    for (let i = 0; i < 11; i++) await record("test.before", `b-${i}`);
    await sequenceAuditLog();
    await sequenceAuditLog();
    await blocker.end();
    expect(await logged("test.before")).toBe(11);

    // the reset between two tests (RESTART IDENTITY), then seq 1 held open while 2..21 commit
    await resetDatabase(ownerDatabaseUrl());
    const held = openTransaction(heldEvent);
    await held.begun;
    for (let i = 0; i < 20; i++) await record("test.after", `a-${i}`);
    await sequenceAuditLog();
    expect(await logged("test.after")).toBe(20);
    await held.end();
    await sequenceAuditLog();
    expect(await logged("test.held")).toBe(1);
  });
});
