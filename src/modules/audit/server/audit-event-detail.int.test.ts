import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makePaket, makeTender, makeUser } from "../../../../tests/factories";
import { sqlAsOwner } from "../../../../tests/setup/owner-sql";
import { db } from "@/server/db";
import { getAuditEvent } from "./get-audit-event";
import { recordAuditEvent } from "./record-audit-event";
import { sequenceAuditLog } from "./sequence-audit-log";
import { writeTreeHead } from "./write-tree-head";

const record = (input: Parameters<typeof recordAuditEvent>[1]) =>
  db.$transaction((tx) => recordAuditEvent(tx, input)).then((r) => r.seq);

async function signInEvent() {
  const user = await makeUser();
  const seq = await record({
    actor: { userId: user.id, name: user.name, ip: "203.0.113.9", userAgent: "Firefox/133.0" },
    action: "auth.signIn",
    entityType: "User",
    entityId: user.id,
    data: { sessionId: "s-1", method: "password" },
  });
  return { user, seq };
}

describe("getAuditEvent", () => {
  it("gives the Auditor every field, the MAC checked, and the log status from pending to covered", async () => {
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const tender = await makeTender(await makePaket(agency, ppk.id));
    const seq = await record({
      actor: { ...actorFor(ppk), ip: "198.51.100.7" },
      action: "bid.submitted",
      entityType: "Bid",
      entityId: "bid-1",
      data: { tenderId: tender.id, amount: 200_000_000n },
    });
    const auditor = await makeActor("AUDITOR");
    const pending = await getAuditEvent(auditor, seq);
    expect(pending).toMatchObject({
      seq: seq.toString(),
      actorId: ppk.id,
      actorLabel: ppk.name,
      actorEmail: ppk.email,
      action: "bid.submitted",
      entityType: "Bid",
      entityId: "bid-1",
      data: { tenderId: tender.id, amount: "200000000" },
      ip: "198.51.100.7",
      userAgent: "vitest",
      isWithheld: false,
      isMacValid: true,
      log: null,
      tenderCode: tender.code,
    });
    expect(pending.macHex).toMatch(/^[0-9a-f]{64}$/);

    await sequenceAuditLog();
    expect((await getAuditEvent(auditor, seq)).log).toMatchObject({ logIndex: "0", coveredBySignedHead: null });
    await writeTreeHead({ force: true });
    expect((await getAuditEvent(auditor, seq)).log).toMatchObject({ logIndex: "0", coveredBySignedHead: "1" });
  });

  it("says when the row no longer matches its MAC", async () => {
    const { seq } = await signInEvent();
    await sqlAsOwner(`UPDATE "AuditEvent" SET ip = '192.0.2.1' WHERE seq = ${seq}`);
    expect(await getAuditEvent(await makeActor("AUDITOR"), seq)).toMatchObject({ ip: "192.0.2.1", isMacValid: false });
  });

  it("withholds another person's sign-in details from the LPSE admin, not their own or other events", async () => {
    const { seq } = await signInEvent();
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    expect(await getAuditEvent(actorFor(admin), seq)).toMatchObject({
      action: "auth.signIn",
      isWithheld: true,
      data: null,
      ip: null,
      userAgent: null,
      isMacValid: true,
    });
    const own = await record({ actor: actorFor(admin), action: "auth.signIn", entityType: "User", entityId: admin.id });
    expect(await getAuditEvent(actorFor(admin), own)).toMatchObject({ isWithheld: false, ip: "127.0.0.1" });
    const change = await record({ actor: null, action: "tender.published", entityType: "Tender", entityId: "t-1" });
    expect(await getAuditEvent(actorFor(admin), change)).toMatchObject({ isWithheld: false, tenderCode: null });
  });

  it("refuses who may not read the trail, and answers NOT_FOUND for a seq that does not exist", async () => {
    const { seq } = await signInEvent();
    const agency = await makeAgency();
    await expect(getAuditEvent(await makeActor("PPK", agency.id), seq)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAuditEvent(await makeActor("VERIFIKATOR"), seq)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAuditEvent(await makeActor("AUDITOR"), seq + 1000n)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
