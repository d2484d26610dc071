import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { declareIncidentSchema } from "../incident.schemas";
import { declareIncident } from "./declare-incident";
import { endIncident } from "./end-incident";
import { findLedger } from "./find-ledger";
import { recordHeartbeat } from "./record-heartbeat";

const MINUTE = 60_000;
const description = "Unggah berkas penawaran gagal karena penyimpanan berkas penuh";

async function clock() {
  const now = (await dbNow()).getTime();
  return (minutes: number) => new Date(now + minutes * MINUTE);
}

/** The refusal a use case throws, with its field errors, or a failure when it did not refuse. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function nothingWritten() {
  expect(await db.outage.count()).toBe(0);
  expect(await db.auditEvent.count({ where: { action: { in: ["incident.declared", "incident.ended"] } } })).toBe(0);
}

describe("declareIncident", () => {
  it("records a declared period with its scope and who declared it, audited and in the ledger", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    const { id } = await declareIncident(admin, { scope: "UPLOADS", startsAt: at(-90), endsAt: at(-30), description });
    const outage = await db.outage.findUniqueOrThrow({ where: { id } });
    expect(outage).toMatchObject({
      cause: "DECLARED",
      scope: "UPLOADS",
      role: null,
      startsAt: at(-90),
      endsAt: at(-30),
      description,
      declaredById: admin.userId,
      compensatedAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "incident.declared", entityId: id } });
    expect(audit).toMatchObject({ actorId: admin.userId, entityType: "Outage" });
    expect(audit.data).toMatchObject({ scope: "UPLOADS", endsAt: at(-30).toISOString(), description });
    const { entries } = await findLedger();
    expect(entries).toMatchObject([{ id, cause: "DECLARED", declaredBy: admin.name }]);
  });

  it("declares one still going on and ends it later, now or at a given time, once", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    const { id } = await declareIncident(admin, { scope: "SIGN_IN", startsAt: at(-20), endsAt: null, description });
    expect((await db.outage.findUniqueOrThrow({ where: { id } })).endsAt).toBeNull();
    const { endsAt } = await endIncident(admin, { outageId: id, endsAt: at(-5) });
    expect(endsAt).toEqual(at(-5));
    expect((await db.outage.findUniqueOrThrow({ where: { id } })).endsAt).toEqual(at(-5));
    const ended = await db.auditEvent.findFirstOrThrow({ where: { action: "incident.ended", entityId: id } });
    expect(ended.data).toMatchObject({ endsAt: at(-5).toISOString() });
    const again = await refusal(endIncident(admin, { outageId: id, endsAt: null }));
    expect(again).toMatchObject({ code: "INVALID_STATE", messageKey: "incident.alreadyEnded" });

    const second = await declareIncident(admin, { scope: "INSTANCE", startsAt: at(-3), endsAt: null, description });
    const now = await endIncident(admin, { outageId: second.id, endsAt: null });
    expect(now.endsAt.getTime()).toBeGreaterThan(at(-3).getTime());
  });

  it("refuses a start in the future, an end before the start or in the future, and writes nothing", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    const future = await refusal(
      declareIncident(admin, { scope: "INSTANCE", startsAt: at(10), endsAt: null, description }),
    );
    expect(future).toMatchObject({ code: "VALIDATION", fieldErrors: { startsAt: ["incident.startInFuture"] } });
    const backwards = await refusal(
      declareIncident(admin, { scope: "INSTANCE", startsAt: at(-10), endsAt: at(-20), description }),
    );
    expect(backwards.fieldErrors).toEqual({ endsAt: ["incident.endBeforeStart"] });
    const endLater = await refusal(
      declareIncident(admin, { scope: "INSTANCE", startsAt: at(-10), endsAt: at(30), description }),
    );
    expect(endLater.fieldErrors).toEqual({ endsAt: ["incident.endInFuture"] });
    // ten years back, as a careless declaration would write it: refused before any compensation could see it
    const ancient = await refusal(
      declareIncident(admin, { scope: "UPLOADS", startsAt: at(-3650 * 1440), endsAt: at(-1), description }),
    );
    expect(ancient).toMatchObject({ fieldErrors: { startsAt: ["incident.startTooOld"] }, values: { days: 30 } });
    await nothingWritten();
  });

  it("refuses an empty or NUL-bearing description and an unknown scope, and writes nothing", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    const empty = await refusal(
      declareIncident(admin, { scope: "INSTANCE", startsAt: at(-10), endsAt: null, description: "   " }),
    );
    expect(empty.fieldErrors).toEqual({ description: ["incident.descriptionLength"] });
    const nul = await refusal(
      declareIncident(admin, {
        scope: "INSTANCE",
        startsAt: at(-10),
        endsAt: null,
        description: `${description}\u0000`,
      }),
    );
    expect(nul.fieldErrors).toEqual({ description: ["incident.descriptionLength"] });
    // the schema, before any use case: an unknown scope, a short description, a time without its zone
    const parsed = declareIncidentSchema.safeParse({
      scope: "DATABASE",
      startsAt: "2026-12-07T10:00",
      endsAt: "",
      description: "pendek",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      scope: "incident.scopeInvalid",
      startsAt: "incident.timeInvalid",
      description: "incident.descriptionLength",
    });
    await nothingWritten();
  });

  it("refuses everyone but ADMIN_LPSE, to declare and to end", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    for (const role of ["ADMIN_AGENCY", "POKJA", "AUDITOR", "PENYEDIA"] as const) {
      const other = await makeActor(role);
      const refused = await refusal(
        declareIncident(other, { scope: "INSTANCE", startsAt: at(-10), endsAt: null, description }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    await nothingWritten();
    const { id } = await declareIncident(admin, { scope: "INSTANCE", startsAt: at(-10), endsAt: null, description });
    const pokja = await makeActor("POKJA");
    expect((await refusal(endIncident(pokja, { outageId: id, endsAt: null }))).code).toBe("FORBIDDEN");
    expect((await db.outage.findUniqueOrThrow({ where: { id } })).endsAt).toBeNull();
  });

  it("refuses to end a heartbeat gap or an end before the incident's start", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const beating = { host: "web-1", pid: 1, startedAt: new Date(0) };
    await recordHeartbeat("WEB", beating, { gapSeconds: 120 });
    const at = await clock();
    await db.availabilityBeat.update({ where: { role: "WEB" }, data: { lastBeatAt: at(-10) } });
    const { outage } = await recordHeartbeat("WEB", beating, { gapSeconds: 120 });
    expect((await refusal(endIncident(admin, { outageId: outage!.id, endsAt: null }))).code).toBe("NOT_FOUND");
    const { id } = await declareIncident(admin, { scope: "INSTANCE", startsAt: at(-10), endsAt: null, description });
    const early = await refusal(endIncident(admin, { outageId: id, endsAt: at(-11) }));
    expect(early.fieldErrors).toEqual({ endsAt: ["incident.endBeforeStart"] });
    const late = await refusal(endIncident(admin, { outageId: id, endsAt: at(60) }));
    expect(late.fieldErrors).toEqual({ endsAt: ["incident.endInFuture"] });
    expect(await db.auditEvent.count({ where: { action: "incident.ended" } })).toBe(0);
  });
});

describe("findLedger", () => {
  it("lists the outages overlapping a period newest first, in keyset pages", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const at = await clock();
    const ids: string[] = [];
    for (let i = 5; i >= 1; i--) {
      const { id } = await declareIncident(admin, {
        scope: "INSTANCE",
        startsAt: at(-i * 100),
        endsAt: at(-i * 100 + 10),
        description,
      });
      ids.push(id);
    }
    const ongoing = await declareIncident(admin, { scope: "UPLOADS", startsAt: at(-50), endsAt: null, description });
    const first = await findLedger({ limit: 4 });
    expect(first.entries.map((e) => e.id)).toEqual([ongoing.id, ids[4], ids[3], ids[2]]);
    const second = await findLedger({ limit: 4, after: first.next });
    expect(second.entries.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();
    // [-305, -195): the one at -300..-290 and the one at -200..-190; the ongoing one only from its start
    const period = await findLedger({ from: at(-305), to: at(-195) });
    expect(period.entries.map((e) => e.id)).toEqual([ids[3], ids[2]]);
    const recent = await findLedger({ from: at(-20), to: at(0) });
    expect(recent.entries.map((e) => e.id)).toEqual([ongoing.id]);
  });
});
