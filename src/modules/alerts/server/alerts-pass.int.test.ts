import { describe, expect, it } from "vitest";
import { actorFor, makeScheduledTender, makeUser, makeVendor } from "@/tests/factories";
import { readLpseProfile } from "@/modules/lpse";
import { db, dbNow } from "@/server/db";
import { ALERT_DIGEST_KIND, ALERT_MATCH_KIND } from "../domain/messages";
import { matchNewTenders } from "./match-new-tenders";
import { sendDigests } from "./send-digests";

const LAG = 120;

async function vendorUser() {
  const vendor = await makeVendor();
  return actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
}

async function search(frequency: "IMMEDIATE" | "DAILY", overrides: { keyword?: string } = {}) {
  const user = await vendorUser();
  const row = await db.savedSearch.create({
    data: {
      name: `Pencarian ${frequency}`,
      userId: user.userId,
      vendorId: user.vendorId!,
      frequency,
      keyword: overrides.keyword ?? null,
      matchedUntil: await dbNow(),
    },
  });
  return { ...row, user };
}

/** A tender announced at the database's now, or `secondsAgo` before it. */
async function published(options: { secondsAgo?: number; method?: "TENDER" | "PENUNJUKAN_LANGSUNG" } = {}) {
  const { tender } = await makeScheduledTender({
    method: options.method,
    paket: { name: "Rehabilitasi Gedung Kantor" },
  });
  const at = new Date((await dbNow()).getTime() - (options.secondsAgo ?? 0) * 1000);
  return db.tender.update({ where: { id: tender.id }, data: { publishedAt: at } });
}

const inbox = (kind: string) =>
  db.notification.findMany({ where: { kind }, select: { userId: true, link: true, body: true, title: true } });

describe("matchNewTenders", () => {
  it("tells an IMMEDIATE search at once, inbox and e-mail with the tender's link; a DAILY one waits; once only", async () => {
    const now = await search("IMMEDIATE");
    const daily = await search("DAILY");
    const other = await search("IMMEDIATE", { keyword: "jembatan" });
    const tender = await published();

    expect(await matchNewTenders({ lagSeconds: LAG })).toMatchObject({ matched: 2, notified: 1 });
    const sent = await inbox(ALERT_MATCH_KIND);
    expect(sent).toEqual([expect.objectContaining({ userId: now.userId, link: `/tender/${tender.code}` })]);
    expect(sent[0]!.body).toContain(tender.code);
    const mail = await db.emailOutbox.findMany({ select: { to: true, text: true } });
    expect(mail).toEqual([expect.objectContaining({ to: now.user.email })]);
    expect(mail[0]!.text).toContain(`/tender/${tender.code}`);
    const matches = await db.savedSearchMatch.findMany({ orderBy: { sentAt: "asc" } });
    expect(matches.map((m) => [m.savedSearchId, m.sentAt !== null]).sort()).toEqual(
      [
        [now.id, true],
        [daily.id, false],
      ].sort(),
    );
    expect(matches.some((m) => m.savedSearchId === other.id)).toBe(false);

    expect(await matchNewTenders({ lagSeconds: LAG })).toMatchObject({ matched: 0, notified: 0 });
    expect(await db.notification.count()).toBe(1);
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("two passes at once tell each search once", async () => {
    // made one after the other: the factories are not made to race
    const searches = [await search("IMMEDIATE"), await search("IMMEDIATE"), await search("DAILY")];
    for (let i = 0; i < 3; i++) await published();
    const results = await Promise.all([matchNewTenders({ lagSeconds: LAG }), matchNewTenders({ lagSeconds: LAG })]);
    expect(results.reduce((n, r) => n + r.matched, 0)).toBe(9);
    expect(await db.savedSearchMatch.count()).toBe(9);
    expect(await db.notification.count({ where: { kind: ALERT_MATCH_KIND } })).toBe(6);
    expect(await db.emailOutbox.count()).toBe(6);
    expect(searches).toHaveLength(3);
  });

  it("after a restart that lost the cursor nothing is told twice, and a publication that committed late is still matched", async () => {
    const s = await search("IMMEDIATE");
    await published();
    await matchNewTenders({ lagSeconds: LAG });
    // the cursor moved past the pass; a crash before that would leave it where it was
    await db.savedSearch.update({ where: { id: s.id }, data: { matchedUntil: s.matchedUntil } });
    expect(await matchNewTenders({ lagSeconds: LAG })).toMatchObject({ matched: 0, notified: 0 });

    // a tender stamped before the cursor (its transaction committed after the pass) within the lag
    const moved = await db.savedSearch.update({ where: { id: s.id }, data: { matchedUntil: await dbNow() } });
    const late = await published({ secondsAgo: LAG / 2 });
    const tooOld = await published({ secondsAgo: LAG * 3 });
    expect(moved.matchedUntil.getTime()).toBeGreaterThan(late.publishedAt!.getTime());
    expect(await matchNewTenders({ lagSeconds: LAG })).toMatchObject({ matched: 1, notified: 1 });
    const tenders = (await db.savedSearchMatch.findMany({ select: { tenderId: true } })).map((m) => m.tenderId);
    expect(tenders).toContain(late.id);
    expect(tenders).not.toContain(tooOld.id);
    expect(await db.notification.count()).toBe(2);
  });

  it("matches only open tenders: not a penunjukan langsung, not one already in evaluation", async () => {
    await search("IMMEDIATE");
    await published({ method: "PENUNJUKAN_LANGSUNG" });
    const evaluated = await published();
    await db.tender.update({ where: { id: evaluated.id }, data: { status: "EVALUATION" } });
    const open = await published();
    await matchNewTenders({ lagSeconds: LAG });
    expect((await db.savedSearchMatch.findMany()).map((m) => m.tenderId)).toEqual([open.id]);
  });

  it("pages through a window holding more tenders than a batch", async () => {
    await search("DAILY");
    for (let i = 0; i < 5; i++) await published();
    expect(await matchNewTenders({ lagSeconds: LAG, batch: 2 })).toMatchObject({ tenders: 5, matched: 5 });
  });
});

/** The hour of the LPSE's zone now, to place the digest hour around the database clock. */
async function localHour() {
  const { timeZone } = await readLpseProfile(db);
  const [{ hour }] = await db.$queryRaw<[{ hour: number }]>`
    SELECT extract(hour FROM segel_now() AT TIME ZONE ${timeZone})::int AS hour`;
  return hour;
}

async function waitingMatches(count: number, frequency: "DAILY" | "IMMEDIATE" = "DAILY") {
  const s = await search(frequency);
  const tenders = [];
  for (let i = 0; i < count; i++) {
    const tender = await published();
    // matched a day ago, waiting for its digest
    await db.savedSearchMatch.create({
      data: { savedSearchId: s.id, tenderId: tender.id, matchedAt: new Date((await dbNow()).getTime() - 86_400_000) },
    });
    tenders.push(tender);
  }
  return { search: s, tenders };
}

describe("sendDigests", () => {
  it("sends one digest per search at the hour listing its waiting matches, then none until the next day", async () => {
    const { search: s, tenders } = await waitingMatches(2);
    const hour = await localHour();
    expect(await sendDigests({ digestHour: hour })).toEqual({ claimed: 1, notified: 1 });
    const [digest] = await inbox(ALERT_DIGEST_KIND);
    expect(digest).toMatchObject({ userId: s.userId, link: "/penyedia/pencarian-tersimpan" });
    for (const t of tenders) expect(digest!.body).toContain(t.code);
    expect(digest!.title).toContain("2 tender");
    expect(await db.emailOutbox.count({ where: { to: s.user.email } })).toBe(1);
    expect(await db.savedSearchMatch.count({ where: { sentAt: null } })).toBe(0);
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: s.id } })).lastDigestAt).not.toBeNull();

    // a match made after today's digest waits for tomorrow's
    const more = await published();
    await db.savedSearchMatch.create({ data: { savedSearchId: s.id, tenderId: more.id, matchedAt: await dbNow() } });
    expect(await sendDigests({ digestHour: hour })).toEqual({ claimed: 0, notified: 0 });
    expect(await db.notification.count()).toBe(1);
  });

  it("waits for the hour: matches made since the last time the hour struck are not sent yet", async () => {
    const s = await search("DAILY");
    const tender = await published();
    await db.savedSearchMatch.create({ data: { savedSearchId: s.id, tenderId: tender.id, matchedAt: await dbNow() } });
    expect(await sendDigests({ digestHour: ((await localHour()) + 2) % 24 })).toEqual({ claimed: 0, notified: 0 });
  });

  it("two passes at once send each digest once", async () => {
    await waitingMatches(1);
    await waitingMatches(1);
    const hour = await localHour();
    await Promise.all([sendDigests({ digestHour: hour }), sendDigests({ digestHour: hour })]);
    expect(await db.notification.count({ where: { kind: ALERT_DIGEST_KIND } })).toBe(2);
    expect(await db.emailOutbox.count()).toBe(2);
  });

  it("a disabled user gets nothing, and the waiting matches are closed", async () => {
    const { search: s } = await waitingMatches(1);
    await db.user.update({ where: { id: s.userId }, data: { isDisabled: true } });
    expect(await sendDigests({ digestHour: await localHour() })).toEqual({ claimed: 1, notified: 0 });
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.savedSearchMatch.count({ where: { sentAt: null } })).toBe(0);
  });
});
