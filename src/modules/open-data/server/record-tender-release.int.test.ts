import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { publishAddendum } from "@/modules/addenda/server/publish-addendum";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import type { TenderEvent } from "@/modules/tenders/domain";
import type { OcdsRelease } from "../domain";
import { db } from "@/server/db";
import { makeQaTender, makeSubmittedBid, PDF_BYTES } from "@/tests/factories";
import { ocdsChecks, validateRelease } from "@/tests/setup/ocds-validator";

const PREFIX = "ocds-uji001";
const WINNER_PRICE = 452_750_001n;
const LOSER_PRICE = 471_234_567n;
const HPS_ITEM = "Aspal hotmix rincian HPS rahasia";

const apply = (tenderId: string, event: TenderEvent) =>
  db.$transaction((tx) => applyTenderEvent(tx, tenderId, event, { actor: null }));

const releasesOf = (tenderId: string) =>
  db.ocdsRelease.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { ocid: true, releaseId: true, position: true, tags: true, kind: true, fiscalYear: true, data: true },
  });

/** A draft tender of an LPSE with the prefix, an HPS item and two bidders whose prices are sealed. */
async function draftTender() {
  const made = await makeQaTender({ status: "DRAFT" });
  await db.lpseInstance.update({ where: { id: made.agency.lpseId }, data: { ocidPrefix: PREFIX } });
  await db.hpsItem.create({
    data: { paketId: made.paket.id, position: 1, description: HPS_ITEM, unit: "ton", quantity: 10, unitPrice: 1n },
  });
  return made;
}

describe("recordTenderRelease", () => {
  it("walks publish, addendum, opening, announcement and SPPBJ: the right tags and positions, each valid, nothing private", async () => {
    const { tender, pokja } = await draftTender();
    await apply(tender.id, { kind: "published" });

    const doc = await uploadDocument(pokja, {
      target: { tenderId: tender.id },
      kind: "ADENDUM",
      fileName: "Adendum 1.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    await publishAddendum(pokja, { tenderId: tender.id, documentId: doc.id, summary: "RAM 16 GB, bukan 8 GB." });

    const winner = await makeSubmittedBid(tender.id, { correctedPrice: WINNER_PRICE });
    const loser = await makeSubmittedBid(tender.id, { correctedPrice: LOSER_PRICE });
    const beforeOpening = await releasesOf(tender.id);
    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tender.id}::uuid AND kind IN ('PEMBERIAN_PENJELASAN', 'UPLOAD_PENAWARAN')`;
    await apply(tender.id, { kind: "opened" });
    await db.bid.update({ where: { id: winner.bid.id }, data: { rank: 1 } });
    await db.bid.update({ where: { id: loser.bid.id }, data: { rank: 2 } });
    await apply(tender.id, { kind: "winnerSet", winnerBidId: winner.bid.id, reserve1BidId: null, reserve2BidId: null });
    const afterPenetapan = await releasesOf(tender.id);
    await apply(tender.id, { kind: "winnerAnnounced", sanggahEndsAt: new Date(Date.now() + 5 * 86_400_000) });
    await apply(tender.id, { kind: "sppbjIssued" });

    const releases = await releasesOf(tender.id);
    const ocid = `${PREFIX}-${tender.code}`;
    // the addendum pushed the close deadline back (rescheduled), then the addendum itself
    expect(releases.map((r) => r.tags)).toEqual([
      ["tender"],
      ["tenderAmendment"],
      ["tenderAmendment"],
      ["tenderUpdate"],
      ["award"],
      ["awardUpdate"],
    ]);
    expect(releases.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(releases.map((r) => r.releaseId)).toEqual(releases.map((r) => `${ocid}-${r.position}`));
    expect(releases.every((r) => r.ocid === ocid && r.kind === "TENDER" && r.fiscalYear === 2026)).toBe(true);
    // penetapan publishes nothing before the announcement
    expect(afterPenetapan).toHaveLength(4);
    for (const r of releases) expect(validateRelease(r.data), r.releaseId).toEqual([]);
    expect(ocdsChecks({ releases: releases.map((r) => r.data) }, PREFIX)).toEqual([]);

    const data = releases.map((r) => r.data as unknown as OcdsRelease);
    expect(data[2]!.tender.amendments).toEqual(
      expect.arrayContaining([expect.objectContaining({ rationale: "RAM 16 GB, bukan 8 GB." })]),
    );
    expect(data[2]!.tender.documents).toEqual([
      expect.objectContaining({
        id: doc.id,
        documentType: "biddingDocuments",
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(data[3]!.tender.numberOfTenderers).toBe(2);
    expect(data[3]!.bids?.statistics).toEqual([expect.objectContaining({ measure: "bids", value: 2 })]);
    expect(data[4]!.awards).toEqual([
      expect.objectContaining({ status: "pending", value: { amount: Number(WINNER_PRICE), currency: "IDR" } }),
    ]);
    expect(data[4]!.tender.tenderers).toHaveLength(2);
    expect(data[5]!.awards?.[0]?.status).toBe("active");
    expect(data[5]!.tender.status).toBe("complete");

    // nothing private: no price before the opening (nor a loser's ever), no HPS item, no vendor contact
    const vendors = await db.vendor.findMany({
      where: { id: { in: [winner.vendorId, loser.vendorId] } },
      select: { email: true, npwp: true, phone: true, name: true },
    });
    const all = JSON.stringify(releases.map((r) => r.data));
    const early = JSON.stringify([...beforeOpening, releases[3]].map((r) => r!.data));
    expect(early).not.toContain(String(WINNER_PRICE));
    expect(early).not.toContain(vendors[0]!.name);
    expect(all).not.toContain(String(LOSER_PRICE));
    expect(all).not.toContain(HPS_ITEM);
    for (const v of vendors) {
      expect(all).not.toContain(v.email);
      expect(all).not.toContain(v.npwp);
    }
  });

  it("publishes nothing for a stage boundary that changes nothing public, and something when the status moves", async () => {
    const { tender } = await draftTender();
    await apply(tender.id, { kind: "published" });
    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = clock_timestamp() - interval '3 hours', "endsAt" = clock_timestamp() - interval '1 second' WHERE "tenderId" = ${tender.id}::uuid AND kind = 'PENGUMUMAN'`;
    await apply(tender.id, { kind: "stageBoundary" });
    expect((await releasesOf(tender.id)).map((r) => r.tags)).toEqual([["tender"]]);
    await apply(tender.id, { kind: "cancelled", endReason: "Anggaran dialihkan" });
    const releases = await releasesOf(tender.id);
    expect(releases.map((r) => r.tags)).toEqual([["tender"], ["tenderCancellation"]]);
    expect((releases[1]!.data as unknown as OcdsRelease).tender).toMatchObject({
      status: "cancelled",
      description: "Anggaran dialihkan",
    });
  });

  it("a change rolled back leaves no release", async () => {
    const { tender } = await draftTender();
    await expect(
      db.$transaction(async (tx) => {
        await applyTenderEvent(tx, tender.id, { kind: "published" }, { actor: null });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await releasesOf(tender.id)).toEqual([]);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).status).toBe("DRAFT");
  });

  it("the first release of a tender that had none (published before the upgrade) is its tender release", async () => {
    const { tender } = await makeQaTender();
    await apply(tender.id, { kind: "opened" });
    const releases = await releasesOf(tender.id);
    expect(releases.map((r) => r.tags)).toEqual([["tender"]]);
    expect(validateRelease(releases[0]!.data)).toEqual([]);
  });
});
