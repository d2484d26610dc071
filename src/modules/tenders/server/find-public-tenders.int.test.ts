import { describe, expect, it } from "vitest";
import { makeAgency, makeScheduledTender } from "../../../../tests/factories";
import { db } from "@/server/db";
import { findPublicTenders } from "./find-public-tenders";

const idsOf = async (options: Parameters<typeof findPublicTenders>[0]) => (await findPublicTenders(options)).tenders.map((t) => t.id);

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
      stages: [["PENGUMUMAN", -48, -24], ["UPLOAD_PENAWARAN", -24, 24], ["PEMBUKAAN", 24, 26]],
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
    const upload = await makeScheduledTender({ stages: [["PENGUMUMAN", -48, -24], ["UPLOAD_PENAWARAN", -24, 24]] });
    await makeScheduledTender({ stages: [["PENGUMUMAN", -1, 1], ["UPLOAD_PENAWARAN", 1, 24]] });
    await makeScheduledTender({ stages: [["UPLOAD_PENAWARAN", -48, -1]] });
    await makeScheduledTender({ status: "CANCELLED", stages: [["UPLOAD_PENAWARAN", -1, 24]] });
    expect(await idsOf({ filters: { stage: "UPLOAD_PENAWARAN" } })).toEqual([upload.tender.id]);
  });

  it("finds a keyword in the paket name, tender code or RUP code, literally", async () => {
    const byName = await makeScheduledTender({ paket: { name: "Rehabilitasi Jalan Desa Wamena" } });
    const byRup = await makeScheduledTender({ paket: { rupCode: "RUP-77123-ZZ" } });
    await makeScheduledTender({ paket: { name: "Pengadaan 100% laptop" } });
    expect(await idsOf({ filters: { q: "jalan desa" } })).toEqual([byName.tender.id]);
    expect(await idsOf({ filters: { q: "77123-zz" } })).toEqual([byRup.tender.id]);
    expect(await idsOf({ filters: { q: byName.tender.code.toLowerCase() } })).toEqual([byName.tender.id]);
    // "%" and "_" are text to look for, not wildcards
    expect(await idsOf({ filters: { q: "0%" } })).toHaveLength(1);
    expect(await idsOf({ filters: { q: "_" } })).toEqual([]);
  });

  it("sorts by announcement, HPS and the nearest bid deadline", async () => {
    const old = await makeScheduledTender({ publishedHoursAgo: 50, paket: { hps: 900n }, stages: [["UPLOAD_PENAWARAN", -1, 48]] });
    const mid = await makeScheduledTender({ publishedHoursAgo: 20, paket: { hps: 100n }, stages: [["UPLOAD_PENAWARAN", -48, -2]] });
    const fresh = await makeScheduledTender({ publishedHoursAgo: 1, paket: { hps: 500n }, stages: [["UPLOAD_PENAWARAN", -1, 5]] });
    const none = await makeScheduledTender({ publishedHoursAgo: 2, paket: { hps: null }, stages: [["PENGUMUMAN", -1, 5]] });
    const [o, m, f, n] = [old, mid, fresh, none].map((x) => x.tender.id);
    expect(await idsOf({})).toEqual([f, n, m, o]);
    expect(await idsOf({ sort: "hps-desc" })).toEqual([o, f, m, n]);
    expect(await idsOf({ sort: "hps-asc" })).toEqual([m, f, o, n]);
    // still open, nearest first; then passed; then without an upload stage
    expect(await idsOf({ sort: "deadline" })).toEqual([f, o, m, n]);
  });

  it("pages by the given size and counts every match", async () => {
    for (let i = 0; i < 5; i++) await makeScheduledTender({ publishedHoursAgo: i + 1 });
    const first = await findPublicTenders({ take: 2 });
    const last = await findPublicTenders({ take: 2, page: 3 });
    expect([first.total, first.pageCount, first.tenders.length]).toEqual([5, 3, 2]);
    expect([last.page, last.tenders.length]).toEqual([3, 1]);
    const all = [...first.tenders, ...(await findPublicTenders({ take: 2, page: 2 })).tenders, ...last.tenders].map((t) => t.id);
    expect(new Set(all).size).toBe(5);
    // past the end the last page is shown, not an empty one
    expect((await findPublicTenders({ take: 2, page: 99 })).page).toBe(3);
  });
});
