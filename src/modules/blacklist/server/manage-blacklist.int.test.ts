import { describe, expect, it } from "vitest";
import { toZonedLocal } from "@/lib/zoned-time";
import { db, dbNow } from "@/server/db";
import { actorFor, makeActor, makeAgency, makeUser, makeVendor } from "@/tests/factories";
import { addBlacklistEntrySchema } from "../blacklist.schemas";
import { addBlacklistEntry } from "./add-blacklist-entry";
import { liftBlacklistEntry } from "./lift-blacklist-entry";

const DAY = 86_400_000;

/** A calendar day `days` from the database's today, in Jakarta. */
async function day(days: number) {
  return toZonedLocal(new Date((await dbNow()).getTime() + days * DAY), "Asia/Jakarta").slice(0, 10);
}

async function entryInput(npwp: string, overrides: Record<string, unknown> = {}) {
  return addBlacklistEntrySchema.parse({
    npwp,
    vendorName: "CV Hitam Uji",
    decreeNumber: `SK-DH/${npwp.slice(-4)}/2026`,
    legalBasis: "Perpres 16/2018 Pasal 78 ayat (3) huruf a",
    reason: "Menyampaikan dokumen palsu dalam tender.",
    firstDay: await day(0),
    lastDay: await day(365),
    ...overrides,
  });
}

const unusedNpwp = () => `9${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

describe("addBlacklistEntry", () => {
  it("a Verifikator enters a national entry, linked to the registered company, told to its users, audited", async () => {
    const verifikator = await makeActor("VERIFIKATOR");
    const vendor = await makeVendor();
    const user = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
    const { id } = await addBlacklistEntry(verifikator, await entryInput(vendor.npwp));
    const entry = await db.blacklistEntry.findUniqueOrThrow({ where: { id } });
    expect(entry).toMatchObject({
      vendorId: vendor.id,
      agencyId: null,
      createdById: verifikator.userId,
      liftedAt: null,
    });
    // the last day counts: the entry ends at the midnight after it (Jakarta)
    expect(toZonedLocal(entry.endsAt, "Asia/Jakarta")).toBe(`${await day(366)}T00:00`);
    expect(await db.notification.count({ where: { userId: user.id, kind: "blacklist.added" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "blacklist.entryAdded", entityId: id } })).toBe(1);
  });

  it("a KPA's entry carries its agency; a KPA cannot enter for another agency or a national one", async () => {
    const agency = await makeAgency({ timeZone: "Asia/Jayapura" });
    const other = await makeAgency();
    const kpa = await makeActor("KPA", agency.id);
    const npwp = unusedNpwp();
    const { id } = await addBlacklistEntry(kpa, await entryInput(npwp, { agencyId: agency.id }));
    expect(await db.blacklistEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      agencyId: agency.id,
      vendorId: null,
    });
    for (const agencyId of [other.id, undefined])
      await expect(addBlacklistEntry(kpa, await entryInput(unusedNpwp(), { agencyId }))).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "blacklistAgencyNotYours",
      });
  });

  it("refuses PENYEDIA, POKJA and AUDITOR, writing nothing", async () => {
    const agency = await makeAgency();
    const npwp = unusedNpwp();
    for (const actor of [await makeActor("PENYEDIA"), await makeActor("POKJA", agency.id), await makeActor("AUDITOR")])
      await expect(addBlacklistEntry(actor, await entryInput(npwp, { agencyId: agency.id }))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    expect(await db.blacklistEntry.count({ where: { npwp } })).toBe(0);
  });

  it("refuses a second overlapping entry for the same NPWP in either form, and accepts one after it", async () => {
    const verifikator = await makeActor("VERIFIKATOR");
    const npwp = unusedNpwp();
    await addBlacklistEntry(verifikator, await entryInput(npwp, { lastDay: await day(10) }));
    await expect(
      addBlacklistEntry(verifikator, await entryInput(`0${npwp}`, { firstDay: await day(10), lastDay: await day(20) })),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "blacklistOverlap" });
    await addBlacklistEntry(verifikator, await entryInput(npwp, { firstDay: await day(11), lastDay: await day(20) }));
    expect(await db.blacklistEntry.count({ where: { npwp: { in: [npwp, `0${npwp}`] } } })).toBe(2);
  });

  it("refuses absurd input with a clear message and writes nothing", async () => {
    const verifikator = await makeActor("VERIFIKATOR");
    const npwp = unusedNpwp();
    const base = { ...(await entryInput(npwp)), firstDay: await day(0) };
    const bad = [
      { npwp: "ABCDEFGHIJKLMNO", key: "npwpCharacters", field: "npwp" },
      { decreeNumber: "   ", key: "fieldRequired", field: "decreeNumber" },
      { reason: "x".repeat(10_000), key: "fieldTooLong", field: "reason" },
    ];
    for (const { key, field, ...patch } of bad) {
      const parsed = addBlacklistEntrySchema.safeParse({ ...base, ...patch });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.find((i) => i.path[0] === field)?.message).toBe(key);
    }
    await expect(
      addBlacklistEntry(verifikator, { ...base, firstDay: await day(5), lastDay: await day(4) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "blacklistPeriodOrder" });
    await expect(addBlacklistEntry(verifikator, { ...base, lastDay: await day(3 * 365) })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "blacklistPeriodTooLong",
    });
    await expect(
      addBlacklistEntry(verifikator, { ...base, firstDay: await day(-30), lastDay: await day(-1) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "blacklistEndPassed" });
    expect(await db.blacklistEntry.count({ where: { npwp } })).toBe(0);
  });
});

describe("liftBlacklistEntry", () => {
  it("a KPA lifts its own agency's entry, not another's; a Verifikator lifts any; lifting twice is refused", async () => {
    const [agency, other] = [await makeAgency(), await makeAgency()];
    const kpa = await makeActor("KPA", agency.id);
    const otherKpa = await makeActor("KPA", other.id);
    const verifikator = await makeActor("VERIFIKATOR");
    const vendor = await makeVendor();
    const user = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
    const own = await addBlacklistEntry(kpa, await entryInput(vendor.npwp, { agencyId: agency.id }));
    const national = await addBlacklistEntry(verifikator, await entryInput(unusedNpwp()));

    const reason = "Putusan PTUN membatalkan SK penetapan sanksi.";
    for (const [actor, entryId] of [
      [otherKpa, own.id],
      [kpa, national.id],
    ] as const)
      await expect(liftBlacklistEntry(actor, { entryId, reason })).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "blacklistAgencyNotYours",
      });
    for (const actor of [user, await makeActor("POKJA", agency.id), await makeActor("AUDITOR")])
      await expect(liftBlacklistEntry(actor, { entryId: own.id, reason })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.blacklistEntry.count({ where: { id: own.id, liftedAt: { not: null } } })).toBe(0);

    await liftBlacklistEntry(kpa, { entryId: own.id, reason });
    await liftBlacklistEntry(verifikator, { entryId: national.id, reason });
    expect(await db.blacklistEntry.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      liftedById: kpa.userId,
      liftReason: reason,
    });
    expect(await db.notification.count({ where: { userId: user.userId, kind: "blacklist.lifted" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "blacklist.entryLifted", entityId: own.id } })).toBe(1);
    await expect(liftBlacklistEntry(verifikator, { entryId: own.id, reason })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "blacklistAlreadyLifted",
    });
  });

  it("refuses an ended entry and an unknown one", async () => {
    const verifikator = await makeActor("VERIFIKATOR");
    const { id } = await addBlacklistEntry(verifikator, await entryInput(unusedNpwp()));
    await db.$executeRaw`UPDATE "BlacklistEntry" SET "startsAt" = "startsAt" - interval '400 days', "endsAt" = "endsAt" - interval '400 days' WHERE id = ${id}::uuid`;
    const reason = "Sanksi diangkat.";
    await expect(liftBlacklistEntry(verifikator, { entryId: id, reason })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "blacklistAlreadyEnded",
    });
    await expect(
      liftBlacklistEntry(verifikator, { entryId: "00000000-0000-4000-8000-000000000000", reason }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
