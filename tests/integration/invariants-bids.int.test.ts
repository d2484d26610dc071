import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeSealedBidTender, makeSubmittedBid } from "@/tests/factories";
import { db } from "@/server/db";
import { foreignKey, refusal, restricted, unique, WRITERS } from "./invariant-sql";

// Sealed bids and what seals and opens them (migration 20261208100000_invariants,
// decision 0022), tried with raw SQL from the application's role and from the owner.

const BID_COLUMNS = `id, "tenderId", "vendorId", "submittedById", status, "idempotencyKey", "sealedPrice", "priceCommitment", "submittedAt", "integrityPactAt", receipt, "receiptSignature"`;
const insertBid = (tenderId: string, vendorId: string, userId: string, status = "SUBMITTED") => ({
  sql: `INSERT INTO "Bid" (${BID_COLUMNS}) VALUES ($1, $2, $3, $4, $5::"BidStatus", $6, '\\x00', $7, now(), now(), '{}', 'uji')`,
  values: [randomUUID(), tenderId, vendorId, userId, status, `uji-${randomUUID()}`, "0".repeat(64)],
});
const FILE_COLUMNS = `id, "bidId", "tenderId", "vendorId", "uploadedById", "uploadedAt", "ciphertextSha256", part, "mimeType", "sizeBytes", commitment, "storageKey", "wrappedKey", iv, "authTag"`;
const insertFile = (file: { bidId: string | null; tenderId: string; vendorId: string; userId: string }) => ({
  sql: `INSERT INTO "BidFile" (${FILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, now(), $6, 'HARGA', 'application/pdf', 65536, $6, $7, '\\x00', '\\x00', '\\x00')`,
  values: [randomUUID(), file.bidId, file.tenderId, file.vendorId, file.userId, "0".repeat(64), `uji/${randomUUID()}`],
});

describe("sealed bids in PostgreSQL", () => {
  it("keeps one SUBMITTED bid per vendor per tender, beside its replaced history", async () => {
    const { tender } = await makeSealedBidTender();
    const { bid, vendorId, penyedia } = await makeSubmittedBid(tender.id);
    for (const writer of WRITERS) {
      const second = insertBid(tender.id, vendorId, penyedia.userId);
      expect(await refusal(writer, second.sql, second.values), writer).toEqual(unique("Bid_one_submitted_per_vendor"));
    }
    // a replaced or withdrawn bid is history beside the submitted one
    const replaced = insertBid(tender.id, vendorId, penyedia.userId, "REPLACED");
    expect(await refusal("app", replaced.sql, replaced.values)).toBeNull();
    // and once the first is replaced, a new submitted bid is the vendor's one
    await db.bid.update({ where: { id: bid.id }, data: { status: "REPLACED" } });
    const next = insertBid(tender.id, vendorId, penyedia.userId);
    expect(await refusal("app", next.sql, next.values)).toBeNull();
    expect(await db.bid.count({ where: { tenderId: tender.id, vendorId, status: "SUBMITTED" } })).toBe(1);
  });

  it("refuses a bid, a bid file, an approval or a key share that points at nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { bid, vendorId, penyedia } = await makeSubmittedBid(tender.id);
    const nobody = randomUUID();
    const cases: [{ sql: string; values: unknown[] }, object][] = [
      [insertBid(tender.id, vendorId, nobody, "WITHDRAWN"), foreignKey("Bid_submittedById_fkey")],
      [
        { sql: `UPDATE "Bid" SET "replacedById" = $2 WHERE id = $1`, values: [bid.id, randomUUID()] },
        foreignKey("Bid_replacedById_fkey"),
      ],
      [
        insertFile({ bidId: null, tenderId: randomUUID(), vendorId, userId: penyedia.userId }),
        foreignKey("BidFile_tenderId_fkey"),
      ],
      [
        insertFile({ bidId: null, tenderId: tender.id, vendorId: randomUUID(), userId: penyedia.userId }),
        foreignKey("BidFile_vendorId_fkey"),
      ],
      [
        insertFile({ bidId: null, tenderId: tender.id, vendorId, userId: nobody }),
        foreignKey("BidFile_uploadedById_fkey"),
      ],
      [
        {
          sql: `INSERT INTO "OpeningApproval" ("tenderId", "userId", "approvedAt") VALUES ($1, $2, now())`,
          values: [tender.id, nobody],
        },
        foreignKey("OpeningApproval_userId_fkey"),
      ],
      [
        {
          sql: `INSERT INTO "TenderKeyShare" ("tenderId", "userId", "shareIndex", "sealedShare") VALUES ($1, $2, 9, '\\x00')`,
          values: [tender.id, nobody],
        },
        foreignKey("TenderKeyShare_userId_fkey"),
      ],
    ];
    for (const [statement, expected] of cases) {
      for (const writer of WRITERS)
        expect(await refusal(writer, statement.sql, statement.values), `${writer}: ${statement.sql}`).toEqual(expected);
    }
    const staged = insertFile({ bidId: null, tenderId: tender.id, vendorId, userId: penyedia.userId });
    expect(await refusal("app", staged.sql, staged.values)).toBeNull();
  });

  it("refuses to delete a bid with its files, or a tender with its opening key, shares and approvals (was CASCADE)", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { bid, vendorId, penyedia } = await makeSubmittedBid(tender.id);
    const file = insertFile({ bidId: bid.id, tenderId: tender.id, vendorId, userId: penyedia.userId });
    expect(await refusal("owner", file.sql, file.values)).toBeNull();
    await db.openingApproval.create({
      data: { tenderId: tender.id, userId: members[0]!.user.id, approvedAt: new Date() },
    });

    expect(await refusal("owner", `DELETE FROM "Bid" WHERE id = $1`, [bid.id])).toEqual(
      restricted("BidFile_bidId_fkey"),
    );
    expect(await db.bidFile.count({ where: { bidId: bid.id } })).toBe(1);
    // without its bids, a tender still holds its opening evidence
    await refusal("owner", `DELETE FROM "BidFile" WHERE "tenderId" = $1`, [tender.id]);
    await refusal("owner", `DELETE FROM "Bid" WHERE "tenderId" = $1`, [tender.id]);
    await refusal("owner", `DELETE FROM "TenderParticipant" WHERE "tenderId" = $1`, [tender.id]);
    const deleteTender = await refusal("owner", `DELETE FROM "Tender" WHERE id = $1`, [tender.id]);
    expect(deleteTender?.code).toBe(restricted("").code);
    expect([
      "TenderOpeningKey_tenderId_fkey",
      "TenderKeyShare_tenderId_fkey",
      "OpeningApproval_tenderId_fkey",
    ]).toContain(deleteTender?.constraint);
    expect(await db.tenderKeyShare.count({ where: { tenderId: tender.id } })).toBe(members.length);
    expect(await db.openingApproval.count({ where: { tenderId: tender.id } })).toBe(1);

    // every foreign key onto sealed evidence restricts the delete
    const rules = await db.$queryRaw<{ name: string; onDelete: string }[]>`
      SELECT conname AS name, confdeltype::text AS "onDelete" FROM pg_constraint WHERE contype = 'f' AND conname = ANY (${[
        "BidFile_bidId_fkey",
        "BidDefect_bidId_fkey",
        "BidDefect_bidFileId_fkey",
        "TenderOpeningKey_tenderId_fkey",
        "TenderKeyShare_tenderId_fkey",
        "OpeningApproval_tenderId_fkey",
        "Sanggah_bidId_fkey",
        "Evaluation_bidId_fkey",
        "Bid_tenderId_fkey",
      ]}) ORDER BY 1`;
    expect(rules).toHaveLength(9);
    expect(rules.filter((r) => r.onDelete !== "r")).toEqual([]);
  });
});
