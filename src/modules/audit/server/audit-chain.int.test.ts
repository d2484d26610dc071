import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

const actor = () => ({ userId: crypto.randomUUID(), name: "Uji", ip: "10.0.0.1", userAgent: "vitest" });

async function record(n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actor: actor(), action: "test.event", entityType: "Paket", entityId: `p-${i}`, data: { hps: 150_000_000n + BigInt(i) } }),
    );
  }
}

describe("audit chain in PostgreSQL", () => {
  it("links each event to the one before and verifies end to end", async () => {
    await record(5);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows[0]!.data).toEqual({ hps: "150000000" });
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: 5, brokenAt: null });
  });

  it("keeps one chain when many transactions write at once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) => recordAuditEvent(tx, { actor: null, action: "test.parallel", entityType: "Tender", entityId: `t-${i}` })),
      ),
    );
    const report = await verifyAuditChain();
    expect(report).toEqual({ ok: true, checked: 20, brokenAt: null });
  });

  it("rolls the event back with the change it records", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actor: null, action: "test.rollback", entityType: "Paket", entityId: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("names the first broken link when a row is tampered with in SQL", async () => {
    await record(4);
    const [, second] = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    // what an intruder with database access would do: change the recorded value
    await db.$executeRaw`UPDATE "AuditEvent" SET data = '{"hps":"0"}' WHERE seq = ${second!.seq}`;
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ seq: second!.seq, reason: "HASH_MISMATCH" });
  });

  it("names the link after a deleted row", async () => {
    await record(4);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${rows[1]!.seq}`;
    expect((await verifyAuditChain()).brokenAt).toEqual({ seq: rows[2]!.seq, reason: "PREV_HASH_MISMATCH" });
  });
});
