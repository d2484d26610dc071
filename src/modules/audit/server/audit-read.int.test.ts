import { describe, expect, it } from "vitest";
import { makeActor } from "../../../../tests/factories";
import { db } from "@/server/db";
import { checkAuditChain } from "./check-audit-chain";
import { findAuditEvents } from "./find-audit-events";
import { recordAuditEvent } from "./record-audit-event";

async function record(n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) => recordAuditEvent(tx, { actor: null, action: "test.event", entityType: "Paket", entityId: `p-${i}` }));
  }
}

describe("findAuditEvents", () => {
  it("gives the auditor the newest events first, a page at a time", async () => {
    await record(7);
    const auditor = await makeActor("AUDITOR");
    const first = await findAuditEvents(auditor, { page: 1, pageSize: 3 });
    expect(first.total).toBe(7);
    expect(first.pageCount).toBe(3);
    expect(first.events.map((e) => e.entityId)).toEqual(["p-6", "p-5", "p-4"]);
    const last = await findAuditEvents(auditor, { page: 3, pageSize: 3 });
    expect(last.events.map((e) => e.entityId)).toEqual(["p-0"]);
    expect(Object.keys(last.events[0]!).sort()).toEqual(["action", "actorLabel", "entityId", "entityType", "occurredAt", "seq"]);
  });

  it("lets the LPSE admin read too", async () => {
    await record(1);
    expect((await findAuditEvents(await makeActor("ADMIN_LPSE"))).total).toBe(1);
  });

  it.each(["PPK", "PENYEDIA", "VERIFIKATOR"] as const)("refuses %s", async (role) => {
    await expect(findAuditEvents(await makeActor(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("checkAuditChain", () => {
  it("reports an intact chain with the number of events checked", async () => {
    await record(4);
    expect(await checkAuditChain(await makeActor("AUDITOR"))).toEqual({ ok: true, checked: 4, brokenAt: null });
  });

  it("names the first event whose content was changed", async () => {
    await record(4);
    const [, second] = await db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } });
    await db.auditEvent.update({ where: { seq: second!.seq }, data: { actorLabel: "Orang lain" } });
    const result = await checkAuditChain(await makeActor("ADMIN_LPSE"));
    expect(result).toEqual({ ok: false, checked: 1, brokenAt: { seq: second!.seq.toString(), reason: "HASH_MISMATCH" } });
  });

  it("refuses someone who may not read the audit trail", async () => {
    await expect(checkAuditChain(await makeActor("POKJA", null))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
