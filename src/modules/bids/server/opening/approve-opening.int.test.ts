import { describe, expect, it } from "vitest";
import { formatRupiah } from "@/lib/money";
import { receiptFileLines } from "../../domain/verify-receipt";
import { SUBMIT_GRACE_MS } from "../../domain/bid-rules";
import { actorFor, makeUser } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import type { OpeningRecord } from "../../domain/opening-record";
import { approveOpening } from "./approve-opening";
import { getOpeningView } from "./get-opening-view";
import { makeTenderWithBids, passDeadline, pdfText, readDocument } from "../../testing/opening.fixture";

const approve = (
  m: { actor: Parameters<typeof approveOpening>[0]; passphrase: string },
  tenderId: string,
  passphrase = m.passphrase,
) => approveOpening(m.actor, { tenderId, passphrase });
const auditOf = (tenderId: string, action: string) =>
  db.auditEvent.findMany({ where: { entityId: tenderId, action }, orderBy: { seq: "asc" } });

describe("approving the opening", () => {
  it("is refused before the deadline, with a wrong passphrase, and for non-members and the PPK; nothing is stored", async () => {
    const { tender, members, agency } = await makeTenderWithBids([{ price: 450_000_000n }]);
    // every member, each with the right passphrase: more than the quorum, and still too early
    for (const member of members)
      await expect(approve(member, tender.id)).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "openingBeforeDeadlineAt",
        values: { deadline: expect.stringMatching(/ WIB$/) },
      });

    await passDeadline(tender.id);
    await expect(approve(members[0]!, tender.id, "bukan kata sandi pembukaannya")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "openingPassphraseWrong",
    });
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
    for (const actor of [outsider, ppk])
      await expect(
        approveOpening(actor, { tenderId: tender.id, passphrase: members[0]!.passphrase }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await db.openingApproval.count()).toBe(0);
    expect(await auditOf(tender.id, "tender.openingApproved")).toHaveLength(0);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).openedAt).toBeNull();
  });

  it("waits from the deadline until the grace has run, for bids that arrived in time and are still being recorded; the desk says why", async () => {
    const { tender, members } = await makeTenderWithBids([{ price: 450_000_000n }]);
    const deadlineAgo = async (ms: number) =>
      db.tenderStage.updateMany({
        where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" },
        data: { endsAt: new Date((await dbNow()).getTime() - ms) },
      });
    const settling = {
      code: "INVALID_STATE",
      messageKey: "openingBidsSettling",
      values: { deadline: expect.stringMatching(/ WIB$/), until: expect.stringMatching(/ WIB$/) },
    };

    await deadlineAgo(1000);
    await expect(approve(members[0]!, tender.id)).rejects.toMatchObject(settling);
    const view = await getOpeningView(members[0]!.actor, tender.id);
    expect(view).toMatchObject({
      isAfterDeadline: true,
      canApprove: false,
      blockedBy: { key: "openingBidsSettling", values: settling.values },
    });
    // a second before the grace ends, still refused
    await deadlineAgo(SUBMIT_GRACE_MS - 1000);
    await expect(approve(members[0]!, tender.id)).rejects.toMatchObject(settling);
    expect(await db.openingApproval.count()).toBe(0);

    await deadlineAgo(SUBMIT_GRACE_MS);
    expect((await getOpeningView(members[0]!.actor, tender.id)).canApprove).toBe(true);
    expect(await approve(members[0]!, tender.id)).toEqual({ approvals: 1, threshold: 2, opened: false });
  });

  it("opens at the k-th approval: prices and file hashes match the receipts, the Berita Acara is stored, shares are deleted", async () => {
    const bids = [
      {
        price: 452_750_000n,
        vendorName: "PT Karya Uji Nusantara",
        parts: ["ADMINISTRASI", "TEKNIS", "HARGA"] as const,
      },
      { price: 470_125_500n, vendorName: "CV Maju Bersama Uji" },
    ];
    const { tender, members, bidders } = await makeTenderWithBids(
      bids.map((b) => ({ ...b, parts: b.parts ? [...b.parts] : undefined })),
    );
    await passDeadline(tender.id);

    expect(await approve(members[0]!, tender.id)).toEqual({ approvals: 1, threshold: 2, opened: false });
    const stored = await db.openingApproval.findFirstOrThrow();
    expect(stored.wrappedShare).not.toBeNull();
    expect(await db.bid.count({ where: { openedPrice: { not: null } } })).toBe(0);
    expect(await auditOf(tender.id, "tender.openingApproved")).toHaveLength(1);
    // the same member again changes nothing
    expect(await approve(members[0]!, tender.id)).toEqual({ approvals: 1, threshold: 2, opened: false });

    expect(await approve(members[2]!, tender.id)).toEqual({ approvals: 2, threshold: 2, opened: true });
    const opened = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(opened.openedAt).not.toBeNull();
    expect(opened.openedKeyWrapped).not.toBeNull();
    expect(opened.status).not.toBe("FAILED");
    expect(await db.openingApproval.count({ where: { wrappedShare: { not: null } } })).toBe(0);

    for (const bidder of bidders) {
      expect((await db.bid.findUniqueOrThrow({ where: { id: bidder.bidId } })).openedPrice).toBe(bidder.price);
    }
    const [event] = await auditOf(tender.id, "tender.opened");
    const record = event!.data as unknown as OpeningRecord & { beritaAcara: { documentId: string } };
    expect(record.approvers.map((a) => a.userId)).toEqual([members[0]!.user.id, members[2]!.user.id]);
    for (const bidder of bidders) {
      const result = record.bids.find((b) => b.bidId === bidder.bidId)!;
      expect(result).toMatchObject({ price: bidder.price.toString(), priceStatus: "OK" });
      expect(result.files.map((f) => ({ part: f.part, commitment: f.commitment, status: f.status }))).toEqual(
        receiptFileLines(bidder.signedReceipt.receipt).map((f) => ({
          part: f.part,
          commitment: f.commitment,
          status: "OK",
        })),
      );
      // The salt and the name are published with the opening: the commitment is checkable.
      for (const file of result.files)
        expect(file).toMatchObject({
          fileName: `${file.part.toLowerCase()}.pdf`,
          salt: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
    }

    const ba = await db.document.findUniqueOrThrow({ where: { id: record.beritaAcara.documentId } });
    expect(ba).toMatchObject({
      kind: "BERITA_ACARA",
      tenderId: tender.id,
      isPublic: false,
      mimeType: "application/pdf",
    });
    const pdf = await readDocument(ba.storageKey);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("BERITA ACARA PEMBUKAAN PENAWARAN");
    expect(text).toContain(tender.code);
    for (const bid of bids) {
      expect(text).toContain(bid.vendorName);
      expect(text).toContain(formatRupiah(bid.price));
    }
    expect(text).toContain("sesuai tanda terima");
    expect(text).toMatch(/Waktu pembukaan: \s*\d+ \w+ \d{4} \d{2}\.\d{2}(\.\d{2})? WIB/);
    expect(text).toContain(members[2]!.user.name);

    // After the opening: a member who did not approve is told it is done; one who did gets the same answer.
    await expect(approve(members[1]!, tender.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "openingAlreadyDone",
    });
    expect(await approve(members[2]!, tender.id)).toMatchObject({ opened: true });
    expect(await auditOf(tender.id, "tender.opened")).toHaveLength(1);
  });
});
