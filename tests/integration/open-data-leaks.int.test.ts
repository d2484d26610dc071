import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as bulkRoute } from "@/app/api/ocds/bulk/[file]/route";
import { GET as feedRoute } from "@/app/api/ocds/feed/route";
import { GET as recordRoute } from "@/app/api/ocds/records/[ocid]/route";
import { GET as releasesRoute } from "@/app/api/ocds/releases/[ocid]/route";
import type { TenderEvent } from "@/modules/tenders/domain";
import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import { db } from "@/server/db";
import { makeQaTender, makeSubmittedBid, makeUserOpeningKey } from "@/tests/factories";
import { requestScope } from "@/tests/setup/next-request-scope";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

// The privacy line and hostile URLs of the open data (issue 14, item 1; docs/decisions/0041),
// read as the public reads it: through the four routes (release package, record package,
// feed pages, the year's bulk file). A tender walked through the lifecycle's one writer
// carries every secret it can: sealed bids from vendors with e-mail, phone, NPWP and people,
// an HPS breakdown, Pokja staff with NIP and phone, an opening key. None of them may appear in
// any answer; bidders and prices only from the announcement (procurement-domain.md). Bad
// ocids, cursors, limits and years are refused 4xx with a sentence, never a 500, nothing written.

const PREFIX = "ocds-bocor1";
const ORIGIN = "http://lpse.uji.test";
const WINNER_PRICE = 452_750_013n;
const LOSER_PRICE = 471_234_579n;
const HPS_ITEM = "Rincian HPS rahasia: aspal hotmix";
const HPS_UNIT_PRICE = 1_234_567_891n;

beforeEach(() => {
  requestScope.headers = new Headers();
  requestScope.locale = "id";
});

const apply = (tenderId: string, event: TenderEvent) =>
  db.$transaction((tx) => applyTenderEvent(tx, tenderId, event, { actor: null }));

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** Everything the public routes answer about the tender and its year, as text. */
async function published(ocid: string, year: number): Promise<string> {
  const texts: string[] = [];
  for (const response of [
    await releasesRoute(new Request(`${ORIGIN}/api/ocds/releases/${ocid}`), params({ ocid })),
    await recordRoute(new Request(`${ORIGIN}/api/ocds/records/${ocid}`), params({ ocid })),
  ]) {
    expect(response.status).toBe(200);
    texts.push(await response.text());
  }
  let url: string | null = `${ORIGIN}/api/ocds/feed?limit=2`;
  for (let page = 0; url && page < 100; page++) {
    const response = await feedRoute(new Request(url));
    if (response.status === 204) break;
    const body = (await response.json()) as { links?: { next?: string } };
    texts.push(JSON.stringify(body));
    url = body.links?.next ?? null;
  }
  const bulk = await bulkRoute(
    new Request(`${ORIGIN}/api/ocds/bulk/${year}.jsonl.gz`),
    params({ file: `${year}.jsonl.gz` }),
  );
  expect(bulk.status).toBe(200);
  texts.push(gunzipSync(Buffer.from(await bulk.arrayBuffer())).toString("utf8"));
  return texts.join("\n");
}

describe("the privacy line, through every public route", () => {
  it("never shows an HPS breakdown, a contact, a person, a tax number or a key; bidders and prices only from the announcement", async () => {
    const made = await makeQaTender({ status: "DRAFT" });
    const { tender, pokja, agency } = made;
    await db.lpseInstance.update({ where: { id: agency.lpseId }, data: { ocidPrefix: PREFIX } });
    await db.hpsItem.create({
      data: {
        paketId: made.paket.id,
        position: 1,
        description: HPS_ITEM,
        unit: "ton",
        quantity: 1,
        unitPrice: HPS_UNIT_PRICE,
      },
    });
    const staff = await db.user.update({
      where: { id: pokja.userId },
      data: { nip: "198001012006041099", phone: "0812-9999-0001" },
      select: { email: true, name: true, nip: true, phone: true },
    });
    await makeUserOpeningKey(pokja.userId, "kunci pembukaan bocor");
    const key = await db.tenderOpeningKey.create({
      data: {
        tenderId: tender.id,
        publicKey: "UJI-KUNCI-PUBLIK-bocor-0123456789abcdef",
        threshold: 1,
        createdAt: new Date(),
      },
    });
    await apply(tender.id, { kind: "published" });

    const winner = await makeSubmittedBid(tender.id, { correctedPrice: WINNER_PRICE });
    const loser = await makeSubmittedBid(tender.id, { correctedPrice: LOSER_PRICE });
    const vendors = await db.vendor.findMany({
      where: { id: { in: [winner.vendorId, loser.vendorId] } },
      select: { id: true, name: true, email: true, npwp: true, nib: true },
    });
    for (const v of vendors) {
      await db.vendor.update({ where: { id: v.id }, data: { phone: `0967-55${v.npwp.slice(-5)}` } });
      await db.vendorPerson.create({
        data: {
          vendorId: v.id,
          kind: "DIREKSI",
          name: `Direktur Rahasia ${v.npwp.slice(-6)}`,
          position: "Direktur",
          nik: `9171${v.npwp.slice(-12)}`,
        },
      });
    }
    const people = await db.vendorPerson.findMany({ where: { vendorId: { in: vendors.map((v) => v.id) } } });
    const phones = await db.vendor.findMany({
      where: { id: { in: vendors.map((v) => v.id) } },
      select: { phone: true },
    });
    const ocid = `${PREFIX}-${tender.code}`;
    const year = made.paket.fiscalYear;
    const never = [
      HPS_ITEM,
      String(HPS_UNIT_PRICE),
      String(LOSER_PRICE),
      key.publicKey,
      staff.email,
      staff.name,
      staff.nip!,
      staff.phone!,
      ...vendors.flatMap((v) => [v.email, v.npwp, v.nib]),
      ...phones.map((p) => p.phone!),
      ...people.flatMap((p) => [p.name, p.nik!]),
    ];
    const beforeAnnouncement = [...never, String(WINNER_PRICE), ...vendors.flatMap((v) => [v.id, v.name])];

    // bids are in, sealed: nothing of them
    let text = await published(ocid, year);
    for (const secret of beforeAnnouncement) expect(text, "before the opening").not.toContain(secret);
    expect(text).not.toMatch(/"tenderers"|"numberOfTenderers"|"bids"/);

    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tender.id}::uuid AND kind IN ('PEMBERIAN_PENJELASAN', 'UPLOAD_PENAWARAN')`;
    await apply(tender.id, { kind: "opened" });
    await db.bid.update({ where: { id: winner.bid.id }, data: { rank: 1 } });
    await db.bid.update({ where: { id: loser.bid.id }, data: { rank: 2 } });
    // opened and even decided (penetapan): a count, no names, no prices yet
    await apply(tender.id, { kind: "winnerSet", winnerBidId: winner.bid.id, reserve1BidId: null, reserve2BidId: null });
    text = await published(ocid, year);
    for (const secret of beforeAnnouncement) expect(text, "after the opening").not.toContain(secret);
    expect(text).toContain('"numberOfTenderers":2');

    await apply(tender.id, { kind: "winnerAnnounced", sanggahEndsAt: new Date(Date.now() + 5 * 86_400_000) });
    await apply(tender.id, { kind: "sppbjIssued" });
    text = await published(ocid, year);
    for (const secret of never) expect(text, "after the award").not.toContain(secret);
    // what is public by then is there: the winner's name and price (so the search above can fail)
    const winnerName = vendors.find((v) => v.id === winner.vendorId)!.name;
    expect(text).toContain(winnerName);
    expect(text).toContain(`"amount":${WINNER_PRICE}`);
  });
});

describe("hostile URLs", () => {
  const FORGED_OCIDS = [
    "' OR '1'='1",
    `${PREFIX}-1' OR '1'='1`,
    `${PREFIX}-1; DROP TABLE "OcdsRelease"; --`,
    "../../../../etc/passwd",
    `${PREFIX}-../../etc/passwd`,
    `${PREFIX}-..%2f..%2fetc%2fpasswd`,
    "%2e%2e%2f%2e%2e%2f",
    `${PREFIX}-x%00y`,
    `${PREFIX}-\u0000`,
    "%E0%A4%A",
    "ocds-ABCDEF-1",
    `${PREFIX}-${"9".repeat(500)}`,
    `${PREFIX}-\u202eevil`,
    "",
  ];

  it("refuses a forged ocid with 400 and a sentence, finds an unknown one 404, writes nothing", async () => {
    const before = await db.ocdsRelease.count();
    const events = await db.auditEvent.count();
    for (const ocid of FORGED_OCIDS)
      for (const route of [releasesRoute, recordRoute]) {
        const response = await route(new Request(`${ORIGIN}/api/ocds/x/${encodeURIComponent(ocid)}`), params({ ocid }));
        expect(response.status, ocid).toBe(400);
        expect(((await response.json()) as { message: string }).message, ocid).toMatch(/ocid/i);
      }
    const unknown = await recordRoute(
      new Request(`${ORIGIN}/api/ocds/records/${PREFIX}-202699999`),
      params({ ocid: `${PREFIX}-202699999` }),
    );
    expect(unknown.status).toBe(404);
    expect(await db.ocdsRelease.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("refuses a bad cursor, limit or year with 400 (in English when asked), never a 500", async () => {
    const cursor = Buffer.from("1.2").toString("base64url");
    for (const query of [
      "after=abc!",
      "after=' OR 1=1 --",
      `after=${Buffer.from("1.2.3").toString("base64url")}`,
      `after=${Buffer.from("-5.1").toString("base64url")}`,
      `after=${"A".repeat(2000)}`,
      `after=${cursor}&limit=0`,
      "limit=1001",
      "limit=-1",
      "limit=1e3",
      "limit=abc",
      "limit=99999999999999999999",
    ]) {
      const response = await feedRoute(new Request(`${ORIGIN}/api/ocds/feed?${query}`));
      expect(response.status, query).toBe(400);
    }
    for (const file of [
      "1999",
      "2101",
      "20265",
      "abc",
      "2026.json",
      "2026.jsonl.gz.exe",
      "../2026",
      "2026%00",
      "-2026",
      "٢٠٢٦",
    ]) {
      const response = await bulkRoute(new Request(`${ORIGIN}/api/ocds/bulk/x`), params({ file }));
      expect(response.status, file).toBe(400);
    }
    expect((await bulkRoute(new Request(`${ORIGIN}/api/ocds/bulk/2099`), params({ file: "2099" }))).status).toBe(404);
    const english = await feedRoute(new Request(`${ORIGIN}/api/ocds/feed?limit=0&lang=en`));
    expect(english.status).toBe(400);
    const indonesian = await feedRoute(new Request(`${ORIGIN}/api/ocds/feed?limit=0`));
    expect(((await english.json()) as { message: string }).message).not.toBe(
      ((await indonesian.json()) as { message: string }).message,
    );
  });
});
