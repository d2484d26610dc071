import { describe, expect, it } from "vitest";
import { makeActor, makeAgency } from "../../../../tests/factories";
import { db } from "@/server/db";
import { sqlAsOwner } from "../../../../tests/setup/owner-sql";
import { checkAuditLog } from "./check-audit-log";
import { findAuditEvents } from "./find-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { sequenceAuditLog } from "./sequence-audit-log";
import { signTreeHeadNow } from "./sign-tree-head-now";
import { writeTreeHead } from "./write-tree-head";

/** An actor of the role, in an agency when the role is one of an agency's (PostgreSQL holds that). */
const actorIn = async (role: "PPK" | "POKJA" | "PENYEDIA" | "VERIFIKATOR") =>
  makeActor(role, role === "PPK" || role === "POKJA" ? (await makeAgency()).id : null);

async function record(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actor: null, action: "test.event", entityType: "Paket", entityId: `p-${i}` }),
    );
  }
}

describe("findAuditEvents", () => {
  it("gives the auditor the newest events first, a keyset page at a time", async () => {
    await record(7);
    const auditor = await makeActor("AUDITOR");
    const first = await findAuditEvents(auditor, { pageSize: 3 });
    expect(first.total).toBe(7);
    expect(first.events.map((e) => e.entityId)).toEqual(["p-6", "p-5", "p-4"]);
    const second = await findAuditEvents(auditor, { pageSize: 3, olderThan: BigInt(first.olderThan!) });
    expect(second.events.map((e) => e.entityId)).toEqual(["p-3", "p-2", "p-1"]);
    const last = await findAuditEvents(auditor, { pageSize: 3, olderThan: BigInt(second.olderThan!) });
    expect(last.events.map((e) => e.entityId)).toEqual(["p-0"]);
    expect(last.olderThan).toBeNull();
    expect(Object.keys(last.events[0]!).sort()).toEqual([
      "action",
      "actorLabel",
      "entityId",
      "entityType",
      "occurredAt",
      "seq",
    ]);
  });

  it("lets the LPSE admin read too", async () => {
    await record(1);
    expect((await findAuditEvents(await makeActor("ADMIN_LPSE"))).total).toBe(1);
  });

  it.each(["PPK", "PENYEDIA", "VERIFIKATOR"] as const)("refuses %s", async (role) => {
    await expect(findAuditEvents(await actorIn(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("checkAuditLog", () => {
  it("reports an intact log with the events checked and those waiting for the sequencer", async () => {
    await record(4);
    await sequenceAuditLog();
    await writeTreeHead({ force: true });
    await record(1, 4);
    expect(await checkAuditLog(await makeActor("AUDITOR"))).toMatchObject({
      ok: true,
      checked: 4,
      pending: 1,
      findings: [],
      latestHead: { treeSize: "4" },
    });
  });

  it("names the event whose content was changed", async () => {
    await record(4);
    await sequenceAuditLog();
    await writeTreeHead({ force: true });
    await sqlAsOwner(`UPDATE "AuditEvent" SET "actorLabel" = 'Orang lain' WHERE seq = 2`);
    const result = await checkAuditLog(await makeActor("ADMIN_LPSE"));
    expect(result).toMatchObject({
      ok: false,
      checked: 4,
      findings: [
        { kind: "REWRITTEN", seq: "2", logIndex: "1", treeSize: null },
        { kind: "REWRITTEN", seq: null, treeSize: "4" },
      ],
    });
  });

  it("refuses someone who may not read the audit trail", async () => {
    await expect(checkAuditLog(await actorIn("POKJA"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("signTreeHeadNow", () => {
  it("sequences, signs a head on demand and records who asked", async () => {
    await record(3);
    const auditor = await makeActor("AUDITOR");
    expect(await signTreeHeadNow(auditor)).toMatchObject({ treeSize: "3" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.treeHeadSigned" } });
    expect(event).toMatchObject({ actorId: auditor.userId, entityId: "3" });
  });

  it.each(["PPK", "PENYEDIA"] as const)("refuses %s and signs nothing", async (role) => {
    await expect(signTreeHeadNow(await actorIn(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditTreeHead.count()).toBe(0);
  });
});
