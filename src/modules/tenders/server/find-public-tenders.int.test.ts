import { describe, expect, it } from "vitest";
import { makeAgency, makeScheduledTender } from "../../../../tests/factories";
import { sqlAsOwner } from "../../../../tests/setup/owner-sql";
import { db } from "@/server/db";
import { findPublicTenders } from "./find-public-tenders";
import { LISTABLE_TENDERS } from "./public-tender-sql";

const idsOf = async (options: Parameters<typeof findPublicTenders>[0]) =>
  (await findPublicTenders(options)).tenders.map((t) => t.id);

describe("findPublicTenders", () => {
  it("never lists a draft", async () => {
    const draft = await makeScheduledTender({ status: "DRAFT" });
    const published = await makeScheduledTender();
    const { tenders, total } = await findPublicTenders();
    expect(tenders.map((t) => t.id)).toEqual([published.tender.id]);
    expect(total).toBe(1);
    expect(await idsOf({ filters: { q: draft.paket.name } })).toEqual([]);
  });

  it("takes the current stage and the bid deadline from the database clock", async () => {
    const { tender } = await makeScheduledTender({
      timeZone: "Asia/Makassar",
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 24],
        ["PEMBUKAAN", 24, 26],
      ],
    });
    const row = (await findPublicTenders()).tenders.find((t) => t.id === tender.id)!;
    expect(row.currentStage).toBe("UPLOAD_PENAWARAN");
    expect(row.hps).toBe(480_000_000n);
    expect(row.agencyTimeZone).toBe("Asia/Makassar");
    const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    expect(row.bidDeadline).toEqual(stage.endsAt);
  });

  it("has no current stage between windows, nor once a tender failed", async () => {
    const between = await makeScheduledTender({ status: "EVALUATION", stages: [["UPLOAD_PENAWARAN", -48, -24]] });
    const failed = await makeScheduledTender({ status: "FAILED", stages: [["EVALUASI", -1, 24]] });
    const rows = (await findPublicTenders()).tenders;
    expect(rows.find((t) => t.id === between.tender.id)!.currentStage).toBeNull();
    expect(rows.find((t) => t.id === failed.tender.id)!.currentStage).toBeNull();
  });

  it("lists only tenders in their upload window when asked for open ones", async () => {
    const open = await makeScheduledTender({ stages: [["UPLOAD_PENAWARAN", -1, 1]] });
    await makeScheduledTender({ stages: [["UPLOAD_PENAWARAN", 1, 2]] });
    await makeScheduledTender({ stages: [["UPLOAD_PENAWARAN", -2, -1]] });
    expect(await idsOf({ openForBids: true })).toEqual([open.tender.id]);
  });

  it("filters by fiscal year, agency, category and method", async () => {
    const agency = await makeAgency();
    const a = await makeScheduledTender({ agency, paket: { fiscalYear: 2025, category: "PEKERJAAN_KONSTRUKSI" } });
    const b = await makeScheduledTender({ paket: { fiscalYear: 2026, category: "BARANG" }, method: "TENDER_CEPAT" });
    expect(await idsOf({ filters: { year: 2025 } })).toEqual([a.tender.id]);
    expect(await idsOf({ filters: { agency: agency.id } })).toEqual([a.tender.id]);
    expect(await idsOf({ filters: { category: "BARANG" } })).toEqual([b.tender.id]);
    expect(await idsOf({ filters: { method: "TENDER_CEPAT" } })).toEqual([b.tender.id]);
    expect(await idsOf({ filters: { year: 2025, method: "TENDER_CEPAT" } })).toEqual([]);
  });

  it("filters by the stage running now, never a failed tender's", async () => {
    const upload = await makeScheduledTender({
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 24],
      ],
    });
    await makeScheduledTender({
      stages: [
        ["PENGUMUMAN", -1, 1],
        ["UPLOAD_PENAWARAN", 1, 24],
      ],
    });
    await makeScheduledTender({ stages: [["UPLOAD_PENAWARAN", -48, -1]] });
    await makeScheduledTender({ status: "CANCELLED", stages: [["UPLOAD_PENAWARAN", -1, 24]] });
    expect(await idsOf({ filters: { stage: "UPLOAD_PENAWARAN" } })).toEqual([upload.tender.id]);
  });

  it("finds a keyword in the paket name, tender code or RUP code, literally", async () => {
    const byName = await makeScheduledTender({ paket: { name: "Rehabilitasi Jalan Desa Wamena" } });
    const byRup = await makeScheduledTender({ paket: { rupCode: "RUP-77123-ZZ" } });
    await makeScheduledTender({ paket: { name: "Pengadaan 100% laptop" } });
    expect(await idsOf({ filters: { q: "jalan desa" } })).toEqual([byName.tender.id]);
    // whole words in any order (full text), any part of a word (trigram)
    expect(await idsOf({ filters: { q: "wamena jalan" } })).toEqual([byName.tender.id]);
    expect(await idsOf({ filters: { q: "abilitas" } })).toEqual([byName.tender.id]);
    expect(await idsOf({ filters: { q: "77123-zz" } })).toEqual([byRup.tender.id]);
    expect(await idsOf({ filters: { q: byName.tender.code.toLowerCase() } })).toEqual([byName.tender.id]);
    // "%" and "_" are text to look for, not wildcards
    expect(await idsOf({ filters: { q: "100%" } })).toHaveLength(1);
    expect(await idsOf({ filters: { q: "0%" } })).toEqual([]);
    expect(await idsOf({ filters: { q: "_" } })).toEqual([]);
    // under three characters: whole words only (the trigram index needs three)
    expect(await idsOf({ filters: { q: "ab" } })).toEqual([]);
  });

  it("sorts by announcement, HPS and the nearest bid deadline", async () => {
    const old = await makeScheduledTender({
      publishedHoursAgo: 50,
      paket: { hps: 900n },
      stages: [["UPLOAD_PENAWARAN", -1, 48]],
    });
    const mid = await makeScheduledTender({
      publishedHoursAgo: 20,
      paket: { hps: 100n },
      stages: [["UPLOAD_PENAWARAN", -48, -2]],
    });
    const fresh = await makeScheduledTender({
      publishedHoursAgo: 1,
      paket: { hps: 500n },
      stages: [["UPLOAD_PENAWARAN", -1, 5]],
    });
    const none = await makeScheduledTender({
      publishedHoursAgo: 2,
      paket: { hps: null },
      stages: [["PENGUMUMAN", -1, 5]],
    });
    const [o, m, f, n] = [old, mid, fresh, none].map((x) => x.tender.id);
    expect(await idsOf({})).toEqual([f, n, m, o]);
    expect(await idsOf({ sort: "hps-desc" })).toEqual([o, f, m, n]);
    expect(await idsOf({ sort: "hps-asc" })).toEqual([m, f, o, n]);
    // still open, nearest first; then passed; then without an upload stage
    expect(await idsOf({ sort: "deadline" })).toEqual([f, o, m, n]);
  });

  it("orders a keyword's matches, ties and pages included, as it orders the whole list", async () => {
    // A keyword's few matches are ordered after they are found (public-tender-sql.ts,
    // pageSource); the whole list is read down each sort's index. Same rows, same order.
    const made: Parameters<typeof makeScheduledTender>[0][] = [
      { paket: { name: "Pengadaan Genset Puskesmas", hps: 500n }, stages: [["UPLOAD_PENAWARAN", -1, 5]] },
      { paket: { name: "Pengadaan Genset Kantor", hps: 500n }, stages: [["UPLOAD_PENAWARAN", -1, 9]] },
      { paket: { name: "Pengadaan Genset Sekolah", hps: null }, stages: [["PENGUMUMAN", -1, 5]] },
      { paket: { name: "Pengadaan Genset Pasar", hps: 100n }, stages: [["UPLOAD_PENAWARAN", -5, -1]] },
      {
        paket: { name: "Pengadaan Genset Dermaga", hps: 100n },
        stages: [["UPLOAD_PENAWARAN", -1, 5]],
        publishedHoursAgo: 3,
      },
    ];
    for (const options of made) await makeScheduledTender(options);
    // announced and created in the same instant, all but the last: the id breaks those ties
    await sqlAsOwner(
      `UPDATE "Tender" SET "publishedAt" = '2026-01-01T00:00:00Z', "createdAt" = '2025-12-01T00:00:00Z' WHERE "publishedAt" > now() - interval '2 hours'`,
    );
    for (const sort of ["newest", "hps-desc", "hps-asc", "deadline"] as const) {
      const whole = await idsOf({ sort });
      expect(whole).toHaveLength(5);
      expect(await idsOf({ sort, filters: { q: "genset" } })).toEqual(whole);
      for (const page of [1, 2, 3])
        expect(await idsOf({ sort, filters: { q: "pengadaan genset" }, take: 2, page })).toEqual(
          whole.slice((page - 1) * 2, page * 2),
        );
    }
  });

  it("pages by the given size and counts every match", async () => {
    for (let i = 0; i < 5; i++) await makeScheduledTender({ publishedHoursAgo: i + 1 });
    const first = await findPublicTenders({ take: 2 });
    const last = await findPublicTenders({ take: 2, page: 3 });
    expect([first.total, first.pageCount, first.tenders.length]).toEqual([5, 3, 2]);
    expect([last.page, last.tenders.length]).toEqual([3, 1]);
    const all = [...first.tenders, ...(await findPublicTenders({ take: 2, page: 2 })).tenders, ...last.tenders].map(
      (t) => t.id,
    );
    expect(new Set(all).size).toBe(5);
    // past the end the last page is shown, not an empty one
    expect((await findPublicTenders({ take: 2, page: 99 })).page).toBe(3);
  });

  it("keeps what it filters and sorts on in step with the paket and the schedule, in the same transaction", async () => {
    const a = await makeScheduledTender({
      publishedHoursAgo: 2,
      paket: { name: "Pengadaan Meja", hps: 100n },
      stages: [["UPLOAD_PENAWARAN", -1, 10]],
    });
    const b = await makeScheduledTender({
      publishedHoursAgo: 1,
      paket: { hps: 200n },
      stages: [["UPLOAD_PENAWARAN", -1, 20]],
    });
    expect(await idsOf({ sort: "hps-desc" })).toEqual([b.tender.id, a.tender.id]);
    await db.paket.update({
      where: { id: a.paket.id },
      data: { name: "Pengadaan Kursi Sekolah", hps: 300n, fiscalYear: 2024 },
    });
    expect(await idsOf({ filters: { q: "kursi" } })).toEqual([a.tender.id]);
    expect(await idsOf({ filters: { q: "meja" } })).toEqual([]);
    expect(await idsOf({ filters: { year: 2024 } })).toEqual([a.tender.id]);
    expect(await idsOf({ sort: "hps-desc" })).toEqual([a.tender.id, b.tender.id]);
    // the bid window of b now closes first
    expect(await idsOf({ sort: "deadline" })).toEqual([a.tender.id, b.tender.id]);
    const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: b.tender.id, kind: "UPLOAD_PENAWARAN" } });
    await db.tenderStage.update({
      where: { id: stage.id },
      data: { endsAt: new Date(stage.endsAt.getTime() - 15 * 3_600_000) },
    });
    expect(await idsOf({ sort: "deadline" })).toEqual([b.tender.id, a.tender.id]);
    await db.tenderStage.delete({ where: { id: stage.id } });
    expect((await db.tender.findUniqueOrThrow({ where: { id: b.tender.id } })).bidDeadline).toBeNull();
  });

  it(`counts exactly up to ${LISTABLE_TENDERS} matches, estimates beyond, and pages no further`, async () => {
    const { tender } = await makeScheduledTender();
    await sqlAsOwner(
      `INSERT INTO "Tender" (id, "paketId", code, method, status, "procedureId", "publishedAt", "updatedAt")
      SELECT gen_random_uuid(), "paketId", code || '-' || i, method, status, "procedureId", "publishedAt" - i * interval '1 minute', now()
      FROM "Tender", generate_series(1, $1::int) i WHERE id = $2::uuid`,
      [LISTABLE_TENDERS, tender.id],
    );
    await sqlAsOwner(`ANALYZE "Tender"`);
    const first = await findPublicTenders({ take: 20 });
    expect([first.isTotalExact, first.isCapped, first.pageCount]).toEqual([false, true, LISTABLE_TENDERS / 20]);
    expect(first.total).toBeGreaterThan(LISTABLE_TENDERS);
    const deep = await findPublicTenders({ take: 20, page: 4_000 });
    expect([deep.page, deep.tenders.length]).toEqual([LISTABLE_TENDERS / 20, 20]);
    // a narrower search is counted exactly again
    const narrow = await findPublicTenders({ filters: { q: `${tender.code}-100` } });
    expect([narrow.isTotalExact, narrow.isCapped]).toEqual([true, false]);
    expect(narrow.total).toBe(narrow.tenders.length);
  });
});
