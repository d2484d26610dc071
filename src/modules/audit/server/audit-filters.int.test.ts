import { describe, expect, it } from "vitest";
import { makeActor, makeAgency, makePaket, makeTender, makeUser } from "../../../../tests/factories";
import { db } from "@/server/db";
import { parseAuditFilter } from "../audit.schemas";
import type { AuditFilter } from "../domain/audit-filter";
import { findAuditEvents } from "./find-audit-events";

/** An event as a use case records it, at a chosen instant (the filters do not read the MAC). */
async function event(e: {
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
}) {
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorLabel", action, "entityType", "entityId", data, mac)
    VALUES (${new Date(e.at)}, ${e.actorId ?? null}::uuid, 'Uji', ${e.action}, ${e.entityType}, ${e.entityId},
            ${JSON.stringify(e.data ?? {})}::jsonb, decode(repeat('00', 32), 'hex'))`;
}

const ids = (page: { events: { action: string; entityId: string }[] }) =>
  page.events.map((e) => `${e.action}:${e.entityId}`);

async function world() {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const paket = await makePaket(agency, ppk.id);
  const tender = await makeTender(paket);
  const otherTender = await makeTender(await makePaket(agency, ppk.id));
  const pokja = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
  // 14.30Z is 23.30 WIT on 1 December; 15.30Z is 00.30 WIT on 2 December but still 22.30 WIB on the 1st
  await event({
    at: "2026-12-01T14:30:00Z",
    action: "tender.published",
    entityType: "Tender",
    entityId: tender.id,
    actorId: pokja.id,
  });
  await event({
    at: "2026-12-01T15:30:00Z",
    action: "bid.submitted",
    entityType: "Bid",
    entityId: "bid-1",
    data: { tenderId: tender.id },
  });
  await event({
    at: "2026-12-02T01:00:00Z",
    action: "bid.fileRead",
    entityType: "BidFile",
    entityId: "file-1",
    actorId: pokja.id,
    data: { tenderCode: tender.code },
  });
  await event({
    at: "2026-12-02T02:00:00Z",
    action: "tender.published",
    entityType: "Tender",
    entityId: otherTender.id,
    actorId: pokja.id,
  });
  await event({
    at: "2026-12-03T02:00:00Z",
    action: "paket.created",
    entityType: "Paket",
    entityId: paket.id,
    actorId: ppk.id,
  });
  await event({
    at: "2026-12-03T03:00:00Z",
    action: "auth.signIn",
    entityType: "User",
    entityId: ppk.id,
    actorId: ppk.id,
  });
  return { tender, otherTender, ppk, pokja, paket };
}

describe("findAuditEvents with filters", () => {
  it("finds a tender's own events and those that name it, and nothing of another tender", async () => {
    const { tender } = await world();
    const auditor = await makeActor("AUDITOR");
    const page = await findAuditEvents(auditor, { filter: { tender: tender.code } });
    expect(ids(page)).toEqual(["bid.fileRead:file-1", "bid.submitted:bid-1", `tender.published:${tender.id}`]);
    expect(page.total).toBe(3);
    expect(await findAuditEvents(auditor, { filter: { tender: "T-NONE" } })).toMatchObject({
      events: [],
      unknown: "tender",
    });
  });

  it("filters by entity, actor (e-mail or part of a name), action (exact or area) and combines them", async () => {
    const { ppk, pokja, paket, tender } = await world();
    const auditor = await makeActor("AUDITOR");
    const find = (filter: AuditFilter) => findAuditEvents(auditor, { filter }).then(ids);
    expect(await find({ entityType: "Paket", entityId: paket.id })).toEqual([`paket.created:${paket.id}`]);
    expect(await find({ actor: ppk.email.toUpperCase() })).toEqual([
      `auth.signIn:${ppk.id}`,
      `paket.created:${paket.id}`,
    ]);
    expect(await find({ actor: pokja.name.slice(-8) })).toHaveLength(3);
    expect(await find({ action: "tender.published" })).toHaveLength(2);
    expect(await find({ action: "bid" })).toEqual(["bid.fileRead:file-1", "bid.submitted:bid-1"]);
    expect(await find({ action: "auth." })).toEqual([`auth.signIn:${ppk.id}`]);
    expect(await find({ tender: tender.code, actor: pokja.email, action: "tender" })).toEqual([
      `tender.published:${tender.id}`,
    ]);
    expect(await findAuditEvents(auditor, { filter: { actor: "nobody@nowhere.test" } })).toMatchObject({
      unknown: "actor",
    });
  });

  it("reads days in the viewer's time zone, both days included", async () => {
    await world();
    const auditor = await makeActor("AUDITOR");
    const on = (from: string, to: string, timeZone: string) =>
      findAuditEvents(auditor, { filter: { from, to }, timeZone }).then((p) => p.events.length);
    // 1 December in WIT (UTC+9) is 30 Nov 15:00Z to 1 Dec 15:00Z: only the first event
    expect(await on("2026-12-01", "2026-12-01", "Asia/Jayapura")).toBe(1);
    // in WIB (UTC+7) it runs to 1 Dec 17:00Z: the first two
    expect(await on("2026-12-01", "2026-12-01", "Asia/Jakarta")).toBe(2);
    expect(await on("2026-12-02", "2026-12-03", "Asia/Jakarta")).toBe(4);
  });

  it("pages a filtered list by keyset", async () => {
    const { pokja } = await world();
    const auditor = await makeActor("AUDITOR");
    const first = await findAuditEvents(auditor, { filter: { actor: pokja.email }, pageSize: 2 });
    expect(first.events).toHaveLength(2);
    const rest = await findAuditEvents(auditor, {
      filter: { actor: pokja.email },
      pageSize: 2,
      olderThan: BigInt(first.olderThan!),
    });
    expect(rest.events).toHaveLength(1);
    expect(rest.olderThan).toBeNull();
  });

  it.each(["PPK", "POKJA", "PENYEDIA", "VERIFIKATOR"] as const)("refuses %s whatever the filter", async (role) => {
    const actor = await makeActor(role, role === "PPK" || role === "POKJA" ? (await makeAgency()).id : null);
    await expect(findAuditEvents(actor, { filter: { action: "auth" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("absurd filters", () => {
  it.each([
    [{ tender: "x".repeat(41) }, "tender"],
    [{ tender: "T1' OR 1=1 --" }, "tender"],
    [{ entityType: "Tender; DROP TABLE" }, "entityType"],
    [{ entityId: "abc" }, "entityType"],
    [{ entityType: "User", entityId: "a".repeat(101) }, "entityId"],
    [{ actor: "a\u0000b" }, "actor"],
    [{ actor: "x" }, "actor"],
    [{ action: "auth.%" }, "action"],
    [{ action: "DROP" }, "action"],
    [{ from: "2026-02-30" }, "from"],
    [{ from: "99999-01-01" }, "from"],
    [{ to: "1900-01-01" }, "to"],
    [{ from: "2026-12-02", to: "2026-12-01" }, "to"],
    [{ before: "-1" }, "before"],
    [{ before: "1e9" }, "before"],
    [{ before: "9".repeat(40) }, "before"],
  ])("%j is named on %s and searches nothing", (params, field) => {
    const parsed = parseAuditFilter(params);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.problems)).toContain(field);
  });

  it("takes empty fields as no filter and a repeated one by its first value", () => {
    expect(parseAuditFilter({ tender: "", actor: " ", action: ["auth", "bid"], before: "12" })).toEqual({
      ok: true,
      filter: { action: "auth", before: 12n },
    });
  });

  it("answers an actor name matching too many people with a message, not an error page", async () => {
    for (let i = 0; i < 51; i++) await makeUser();
    const auditor = await makeActor("AUDITOR");
    await expect(findAuditEvents(auditor, { filter: { actor: "Pengguna Uji" } })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "auditFilterActorVague",
    });
  });
});
