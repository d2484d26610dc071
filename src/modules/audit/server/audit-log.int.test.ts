import { describe, expect, it } from "vitest";
import { sqlAsOwner } from "../../../../tests/setup/owner-sql";
import { db } from "@/server/db";
import { rootOfLeaves, verifyConsistency, verifyInclusion } from "../domain/merkle";
import { parseTreeHead } from "../domain/tree-head";
import { findConsistencyProof, findInclusionProof, findTreeHeads } from "./find-audit-proofs";
import { recordAuditEvent } from "./record-audit-event";
import { sequenceAuditLog } from "./sequence-audit-log";
import { readTreeHeadsFile } from "./tree-heads-file";
import { verifyAuditLog } from "./verify-audit-log";
import { writeTreeHead } from "./write-tree-head";

const actor = () => ({ userId: crypto.randomUUID(), name: "Uji", ip: "10.0.0.1", userAgent: "vitest" });

async function record(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: actor(),
        action: "test.event",
        entityType: "Paket",
        entityId: `p-${i}`,
        data: { hps: 150_000_000n + BigInt(i) },
      }),
    );
  }
}

/** What the worker does each tick, with a head forced so tests need not wait for the interval. */
async function sequenceAndSign() {
  await sequenceAuditLog();
  return (await writeTreeHead({ force: true }))!;
}

describe("the audit log in PostgreSQL", () => {
  it("sequences committed events after commit, signs heads, and proves inclusion and consistency", async () => {
    await record(5);
    expect(await db.auditLogEntry.count()).toBe(0);
    expect(await verifyAuditLog()).toMatchObject({ ok: true, checked: 0, pending: 5, findings: [] });

    const first = await sequenceAndSign();
    expect(first.treeSize).toBe(5n);
    await record(6, 5);
    const second = await sequenceAndSign();
    expect(second.treeSize).toBe(11n);

    // the file beside the key holds both heads; the table a copy for publishing
    expect((await readTreeHeadsFile()).heads.map((h) => h.treeSize)).toEqual([5n, 11n]);
    expect((await findTreeHeads()).map((h) => h.treeSize)).toEqual(["11", "5"]);
    const report = await verifyAuditLog();
    expect(report).toMatchObject({ ok: true, checked: 11, pending: 0, findings: [] });
    expect(report.latestHead?.rootHash).toBe(second.rootHash);

    const leaves = (await db.auditLogEntry.findMany({ orderBy: { logIndex: "asc" } })).map((e) =>
      Buffer.from(e.leafHash),
    );
    expect(rootOfLeaves(leaves).toString("hex")).toBe(second.rootHash);
    for (const event of await db.auditEvent.findMany({ select: { seq: true } })) {
      const proof = (await findInclusionProof(event.seq))!;
      expect(proof.treeHead.treeSize).toBe("11");
      const ok = verifyInclusion(
        Buffer.from(proof.leafHash, "hex"),
        BigInt(proof.logIndex),
        11n,
        proof.proof.map((h) => Buffer.from(h, "hex")),
        Buffer.from(second.rootHash, "hex"),
      );
      expect(ok).toBe(true);
    }
    const consistency = await findConsistencyProof(5n, 11n);
    expect(
      verifyConsistency(
        5n,
        11n,
        consistency.proof.map((h) => Buffer.from(h, "hex")),
        Buffer.from(first.rootHash, "hex"),
        Buffer.from(second.rootHash, "hex"),
      ),
    ).toBe(true);
    await expect(findConsistencyProof(5n, 12n)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("takes no lock in user transactions: concurrent writers do not wait for each other", async () => {
    // One transaction stays open after recording; with the old chain lock the others would block on it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = db.$transaction(
      async (tx) => {
        await recordAuditEvent(tx, { actor: null, action: "test.held", entityType: "Tender", entityId: "held" });
        await held;
      },
      { timeout: 60_000 },
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) =>
          recordAuditEvent(tx, { actor: null, action: "test.parallel", entityType: "Tender", entityId: `t-${i}` }),
        ),
      ),
    );
    // The 20 committed while the first is still open; it joins the log on a later pass. A
    // pass appends only what has committed, and other test files share the server (some hold
    // a transaction for many seconds under CI's load): the passes are repeated, for up to two
    // minutes, until these very events are in the log (counted by their action, so nothing
    // else a pass appends can make the count miss).
    const logged = async (action: string) => {
      await sequenceAuditLog();
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "AuditLogEntry" l JOIN "AuditEvent" e ON e.seq = l."eventSeq"
        WHERE e.action = ${action}`;
      return row!.n;
    };
    await expect.poll(() => logged("test.parallel"), { timeout: 120_000 }).toBe(20);
    expect(await logged("test.held")).toBe(0);
    release();
    await open;
    await expect.poll(() => logged("test.held"), { timeout: 120_000 }).toBe(1);
    await writeTreeHead({ force: true });
    expect(await verifyAuditLog()).toMatchObject({ ok: true, pending: 0 });
  }, 300_000);

  it("covers exactly what PostgreSQL hands back: an actor id in upper case, bigint and nested data", async () => {
    const id = crypto.randomUUID().toUpperCase();
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: { userId: id, name: "Uji", ip: null, userAgent: null },
        action: "test.case",
        entityType: "Paket",
        entityId: "p",
        data: { hps: 2n ** 63n - 1n, items: [{ b: 1, a: "é" }], at: new Date(0), none: undefined },
      }),
    );
    expect((await sequenceAuditLog()).forged).toEqual([]);
    await writeTreeHead({ force: true });
    expect(await verifyAuditLog()).toMatchObject({ ok: true, checked: 1 });
  });

  it("rolls the event back with the change it records", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actor: null, action: "test.rollback", entityType: "Paket", entityId: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(0);
    expect((await sequenceAuditLog()).appended).toBe(0);
  });

  it("is append-only for the application's role", async () => {
    await record(2);
    await sequenceAndSign();
    for (const table of ["AuditEvent", "AuditLogEntry", "AuditMerkleNode", "AuditTreeHead"]) {
      await expect(db.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
    }
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "leafHash" = "leafHash"`)).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe("attacks with direct database access are named", () => {
  it("MISSING_TAIL: the newest events and their log entries are deleted", async () => {
    await record(6);
    await sequenceAndSign();
    // the intruder removes the tail from every table the app writes
    await sqlAsOwner(`DELETE FROM "AuditMerkleNode" WHERE ((idx + 1) << level) > 3`);
    await sqlAsOwner(`DELETE FROM "AuditLogEntry" WHERE "logIndex" >= 3`);
    await sqlAsOwner(`DELETE FROM "AuditEvent" WHERE seq > 3`);
    const report = await verifyAuditLog();
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([{ kind: "MISSING_TAIL", seq: null, logIndex: 3n, treeSize: 6n }]);
    // and the sequencer refuses to sign a shorter tree
    await record(1, 6);
    await sequenceAuditLog();
    await expect(writeTreeHead({ force: true })).rejects.toThrow(/does not extend/);
  });

  it("FORGED: an event inserted with correct-looking fields and a hash for a MAC", async () => {
    await record(3);
    await sequenceAndSign();
    const [forged] = await sqlAsOwner<{ seq: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorLabel", action, "entityType", "entityId", data, ip, "userAgent", mac)
       VALUES (now(), NULL, 'Sistem', 'bid.submitted', 'Bid', gen_random_uuid()::text, '{"tenderCode":"T-1"}', NULL, NULL, sha256('forged'::bytea))
       RETURNING seq::text`,
    );
    expect((await sequenceAuditLog()).forged).toEqual([BigInt(forged!.seq)]);
    expect(await db.auditLogEntry.count()).toBe(3);
    const report = await verifyAuditLog();
    expect(report.findings).toEqual([{ kind: "FORGED", seq: BigInt(forged!.seq), logIndex: null, treeSize: null }]);
  });

  it("FORGED: the forged event is also appended to the log with a correct leaf and tree", async () => {
    await record(3);
    await sequenceAndSign();
    const [forged] = await sqlAsOwner<{ seq: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", "actorLabel", action, "entityType", "entityId", data, mac)
       VALUES (date_trunc('milliseconds', now()), 'Sistem', 'bid.withdrawn', 'Bid', 'b-1', '{}', sha256('x'::bytea)) RETURNING seq::text`,
    );
    const event = (await db.auditEvent.findUnique({ where: { seq: BigInt(forged!.seq) } }))!;
    const { eventLeafHash } = await import("../domain/event-encoding");
    await sqlAsOwner(`INSERT INTO "AuditLogEntry" ("logIndex", "eventSeq", "leafHash") VALUES (3, $1, $2)`, [
      forged!.seq,
      eventLeafHash(event),
    ]);
    const report = await verifyAuditLog();
    expect(report.findings).toContainEqual({ kind: "FORGED", seq: BigInt(forged!.seq), logIndex: 3n, treeSize: null });
  });

  it("REWRITTEN: history rewritten from the middle, with leaves and tree nodes recomputed", async () => {
    await record(8);
    const head = await sequenceAndSign();
    const { eventLeafHash } = await import("../domain/event-encoding");
    const { appendLeaf } = await import("../domain/merkle");
    // the intruder changes events 4..8 and rebuilds everything the database holds from them
    await sqlAsOwner(`UPDATE "AuditEvent" SET data = '{"hps":"1"}' WHERE seq >= 4`);
    await sqlAsOwner(`DELETE FROM "AuditMerkleNode"`);
    let frontier = { size: 0n, nodes: [] as { level: number; hash: Buffer }[] };
    for (const event of await db.auditEvent.findMany({ orderBy: { seq: "asc" } })) {
      const leaf = eventLeafHash(event);
      await sqlAsOwner(`UPDATE "AuditLogEntry" SET "leafHash" = $1 WHERE "eventSeq" = $2`, [
        leaf,
        event.seq.toString(),
      ]);
      const step = appendLeaf(frontier, leaf);
      for (const node of step.completed)
        await sqlAsOwner(`INSERT INTO "AuditMerkleNode" VALUES ($1, $2, $3)`, [
          node.level,
          node.idx.toString(),
          node.hash,
        ]);
      frontier = step.frontier;
    }
    const report = await verifyAuditLog();
    expect(report.ok).toBe(false);
    const kinds = report.findings.map((f) => [f.kind, f.seq ?? f.treeSize]);
    expect(kinds).toEqual([
      ["REWRITTEN", 4n],
      ["REWRITTEN", 5n],
      ["REWRITTEN", 6n],
      ["REWRITTEN", 7n],
      ["REWRITTEN", 8n],
      ["REWRITTEN", head.treeSize],
    ]);
    await expect(writeTreeHead({ force: true })).rejects.toThrow(/does not extend/);
  });

  it("HEAD_INCONSISTENT: a head in the file that the instance key did not sign", async () => {
    await record(2);
    const head = await sequenceAndSign();
    const { appendFile } = await import("node:fs/promises");
    const { treeHeadsPath } = await import("./tree-heads-file");
    await appendFile(
      treeHeadsPath(),
      `${JSON.stringify({ treeSize: "2", rootHash: "0".repeat(64), timestamp: head.timestamp, signature: head.signature })}\n`,
    );
    expect(
      parseTreeHead({ treeSize: "2", rootHash: "0".repeat(64), timestamp: head.timestamp, signature: head.signature }),
    ).not.toBeNull();
    expect((await verifyAuditLog()).findings).toEqual([
      { kind: "HEAD_INCONSISTENT", seq: null, logIndex: null, treeSize: 2n },
    ]);
  });
});
