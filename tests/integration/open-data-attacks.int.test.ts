import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from "@/modules/open-data/domain/feed-cursor";
import { readFeed } from "@/modules/open-data/server/feed";
import { db } from "@/server/db";
import { makeAgency, makePaket, makeTender, makeUser } from "@/tests/factories";
import { sqlAsOwner } from "@/tests/setup/owner-sql";
import { until } from "@/tests/setup/until";

// What an attacker or a careless re-user can do with the open data (issue 14, item 1;
// docs/decisions/0041): a published release is never changed or removed by the application's
// own role, and the change feed neither skips a release whose transaction committed after a
// later one nor gives one twice. The privacy line and hostile URLs: open-data-leaks.int.test.ts.

const PERMISSION_DENIED = { code: "42501" };

async function asApp<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A tender to hang hand-made releases on (the rows' foreign keys), and its ocid. */
async function aTender() {
  const agency = await makeAgency();
  const paket = await makePaket(agency, (await makeUser()).id);
  const tender = await makeTender(paket);
  return { agencyId: agency.id, tenderId: tender.id, ocid: `ocds-uji000-${tender.code}` };
}

type Owner = Awaited<ReturnType<typeof aTender>>;

const INSERT = `INSERT INTO "OcdsRelease" (ocid, "releaseId", position, tags, date, kind, "agencyId", "fiscalYear", "tenderId", data)
  VALUES ($1::text, $1::text || '-' || $2::int, $2::int, ARRAY['tender'], now(), 'TENDER', $3::uuid, 2026, $4::uuid,
          jsonb_build_object('ocid', $1::text, 'id', $1::text || '-' || $2::int))
  RETURNING seq, xid`;
const insertOn = (client: pg.Client, owner: Owner, position: number) =>
  client.query<{ seq: string; xid: string }>(INSERT, [owner.ocid, position, owner.agencyId, owner.tenderId]);

/** Every release the feed gives after `from`, page by page (limit 1 so every page edge is crossed). */
async function walkFeed(from: FeedCursor | null): Promise<{ ids: string[]; end: FeedCursor | null }> {
  const ids: string[] = [];
  let cursor = from;
  for (let page = 0; page < 1000; page++) {
    const read = await readFeed(cursor, 1);
    ids.push(...read.releases.map((r) => String(r.id)));
    // the cursor travels as text, as a client would hold it
    cursor = read.next && decodeFeedCursor(encodeFeedCursor(read.next));
    if (!read.hasMore) return { ids, end: cursor };
  }
  throw new Error("the feed did not end");
}

describe("a published release", () => {
  it("cannot be changed, removed, truncated or locked by the application's role", async () => {
    const owner = await aTender();
    const { seq } = (await asApp((c) => insertOn(c, owner, 1))).rows[0]!;
    await asApp(async (c) => {
      for (const sql of [
        `UPDATE "OcdsRelease" SET data = '{"tender":{"value":{"amount":1}}}' WHERE seq = ${seq}`,
        `UPDATE "OcdsRelease" SET tags = ARRAY['tenderCancellation'] WHERE seq = ${seq}`,
        `DELETE FROM "OcdsRelease" WHERE seq = ${seq}`,
        `TRUNCATE "OcdsRelease"`,
        `SELECT seq FROM "OcdsRelease" FOR UPDATE`,
        `ALTER TABLE "OcdsRelease" DROP CONSTRAINT "OcdsRelease_shape"`,
      ])
        await expect(c.query(sql), sql).rejects.toMatchObject(PERMISSION_DENIED);
    });
    // Prisma's client as the portal runs it is refused the same
    await expect(db.ocdsRelease.deleteMany({ where: { ocid: owner.ocid } })).rejects.toThrow();
    await expect(
      db.ocdsRelease.updateMany({ where: { ocid: owner.ocid }, data: { tags: ["tenderCancellation"] } }),
    ).rejects.toThrow();
    expect(await sqlAsOwner(`SELECT tags, data FROM "OcdsRelease" WHERE seq = $1`, [seq])).toEqual([
      { tags: ["tender"], data: { ocid: owner.ocid, id: `${owner.ocid}-1` } },
    ]);
  });

  it("cannot be given a second time at the same position, nor with an id that is not ocid-position", async () => {
    const owner = await aTender();
    await asApp((c) => insertOn(c, owner, 1));
    await asApp(async (c) => {
      await expect(insertOn(c, owner, 1)).rejects.toMatchObject({ code: "23505" });
      await expect(
        c.query(
          `INSERT INTO "OcdsRelease" (ocid, "releaseId", position, tags, date, kind, "agencyId", "fiscalYear", "tenderId", data)
           VALUES ($1, 'forged', 2, ARRAY['tender'], now(), 'TENDER', $2, 2026, $3, '{}')`,
          [owner.ocid, owner.agencyId, owner.tenderId],
        ),
      ).rejects.toMatchObject({ code: "23514" });
    });
  });
});

describe("the change feed under concurrent writers", () => {
  it("holds back a release committed after a later one, then gives both once, in order", async () => {
    const first = await aTender();
    const second = await aTender();
    const start = (await walkFeed(null)).end;
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      // the slow writer takes its transaction id first and holds it open
      await slow.query("BEGIN");
      const early = (await insertOn(slow, first, 1)).rows[0]!;
      // a later writer commits while the first is still open
      const late = (await asApp((c) => insertOn(c, second, 1))).rows[0]!;
      expect(BigInt(late.xid)).toBeGreaterThan(BigInt(early.xid));

      // a reader now must not move past the open transaction: the committed later row waits
      const meanwhile = await walkFeed(start);
      expect(meanwhile.ids).not.toContain(`${second.ocid}-1`);
      expect(meanwhile.ids).not.toContain(`${first.ocid}-1`);

      await slow.query("COMMIT");
      // other test files' transactions may hold the watermark a moment longer: read until both arrive
      let after: string[] = [];
      await until("both releases in the feed", async () => {
        after = (await walkFeed(meanwhile.end)).ids;
        return after.includes(`${second.ocid}-1`) && after.includes(`${first.ocid}-1`);
      });
      const mine = after.filter((id) => id.startsWith(first.ocid) || id.startsWith(second.ocid));
      // in (xid, seq) order: the early transaction's release first, each exactly once
      expect(mine).toEqual([`${first.ocid}-1`, `${second.ocid}-1`]);
      expect(new Set(after).size).toBe(after.length);
      // and a reader who walked from the start sees every release once
      const whole = (await walkFeed(start)).ids;
      expect(whole.filter((id) => id === `${first.ocid}-1` || id === `${second.ocid}-1`)).toHaveLength(2);
    } finally {
      await slow.query("ROLLBACK").catch(() => {});
      await slow.end();
    }
  });

  it("chains pages of any size with no gap and no repeat while writers keep committing", async () => {
    const owners = [await aTender(), await aTender(), await aTender()];
    const start = (await walkFeed(null)).end;
    const written: string[] = [];
    const read: string[] = [];
    let cursor = start;
    // writers commit between the reader's pages
    for (let round = 1; round <= 4; round++) {
      await Promise.all(
        owners.map(async (owner) => {
          await asApp((c) => insertOn(c, owner, round));
          written.push(`${owner.ocid}-${round}`);
        }),
      );
      const page = await readFeed(cursor, 2);
      read.push(...page.releases.map((r) => String(r.id)));
      cursor = page.next;
    }
    await until("every release read", async () => {
      const rest = await walkFeed(cursor);
      read.push(...rest.ids);
      cursor = rest.end;
      return written.every((id) => read.includes(id));
    });
    const mine = read.filter((id) => owners.some((o) => id.startsWith(o.ocid)));
    expect(mine.sort()).toEqual([...written].sort());
    expect(new Set(read).size).toBe(read.length);
  });

  it("refuses a cursor it did not give out", () => {
    for (const text of [
      "",
      "abc",
      "-1",
      'MS4y\'; DROP TABLE "OcdsRelease"; --',
      Buffer.from("1.2.3").toString("base64url"),
      Buffer.from("-1.5").toString("base64url"),
      Buffer.from("01.5").toString("base64url"),
      Buffer.from("9223372036854775808.1").toString("base64url"),
      Buffer.from("1.20").toString("base64"), // padded, not base64url
      "x".repeat(61),
      randomUUID(),
    ])
      expect(decodeFeedCursor(text), text).toBeNull();
  });
});
