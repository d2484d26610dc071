import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeBidder, makeSealedBidTender } from "@/tests/factories";
import { db } from "@/server/db";
import { check, refusal, WRITERS } from "./invariant-sql";

// The pakta integritas held by PostgreSQL (migration 20261214100000_integrity_pact_rule,
// decision 0042 section C), tried with raw SQL from the application's role and from the owner.

const COLUMNS = `id, "tenderId", "vendorId", "submittedById", "idempotencyKey", "sealedPrice", "priceCommitment", "submittedAt", "integrityPactAt", receipt, "receiptSignature"`;
/** A bid row submitted at `submittedAt` (SQL), its pact stamped at `pactAt` (SQL, or NULL). */
const insertBid = (
  bidder: { tenderId: string; vendorId: string; userId: string },
  submittedAt: string,
  pactAt: string,
) => ({
  sql: `INSERT INTO "Bid" (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, '\\x00', $6, ${submittedAt}, ${pactAt}, '{}', 'uji')`,
  values: [randomUUID(), bidder.tenderId, bidder.vendorId, bidder.userId, `uji-${randomUUID()}`, "0".repeat(64)],
});

async function newBidder() {
  const { tender } = await makeSealedBidTender();
  const { vendor, user } = await makeBidder(tender.id);
  return { tenderId: tender.id, vendorId: vendor.id, userId: user.id };
}

describe("the pakta integritas in PostgreSQL", () => {
  it("refuses a new bid without the pact from either role, and accepts it with the pact", async () => {
    const bidder = await newBidder();
    for (const writer of WRITERS) {
      const bare = insertBid(bidder, "now()", "NULL");
      expect(await refusal(writer, bare.sql, bare.values), writer).toEqual(check("Bid_integrity_pact_required"));
    }
    expect(await db.bid.count({ where: { vendorId: bidder.vendorId } })).toBe(0);
    const sworn = insertBid(bidder, "now()", "now()");
    expect(await refusal("app", sworn.sql, sworn.values)).toBeNull();
    expect(await db.bid.count({ where: { vendorId: bidder.vendorId, integrityPactAt: { not: null } } })).toBe(1);
  });

  it("accepts a bid without the pact that was submitted before the rule was installed (an old bid moved in)", async () => {
    const bidder = await newBidder();
    // the migrations ran when this run's test database was built: a year ago is before them
    const old = insertBid(bidder, "now() - interval '1 year'", "NULL");
    expect(await refusal("app", old.sql, old.values)).toBeNull();
    // the cutoff is the bid's own submittedAt, not the clock: a pact-less bid dated later is refused
    const later = insertBid(
      { ...bidder, vendorId: (await makeBidder(bidder.tenderId)).vendor.id },
      "now() + interval '1 minute'",
      "NULL",
    );
    expect(await refusal("owner", later.sql, later.values)).toEqual(check("Bid_integrity_pact_required"));
  });

  it("never undoes or moves an accepted pact, from either role", async () => {
    const bidder = await newBidder();
    const sworn = insertBid(bidder, "now()", "now()");
    expect(await refusal("app", sworn.sql, sworn.values)).toBeNull();
    const id = sworn.values[0] as string;
    const before = await db.bid.findUniqueOrThrow({ where: { id }, select: { integrityPactAt: true } });
    for (const writer of WRITERS) {
      for (const to of ["NULL", "now() + interval '1 day'"])
        expect(
          await refusal(writer, `UPDATE "Bid" SET "integrityPactAt" = ${to} WHERE id = $1`, [id]),
          `${writer} ${to}`,
        ).toEqual(check("Bid_integrity_pact_kept"));
    }
    expect(await db.bid.findUniqueOrThrow({ where: { id }, select: { integrityPactAt: true } })).toEqual(before);
    // the rest of the row still moves as the bid's life goes on
    expect(await refusal("app", `UPDATE "Bid" SET status = 'WITHDRAWN' WHERE id = $1`, [id])).toBeNull();
  });
});
