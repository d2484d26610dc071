import { describe, expect, it } from "vitest";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { makeAgency, makePaket, makeSealedBidTender, makeSubmittedBid, makeUser } from "@/tests/factories";
import { db } from "@/server/db";

// BIGINT columns that are not rupiah: byte counts, the audit sequence and log positions, the test clock.
const NOT_MONEY = new Set([
  "Document.sizeBytes",
  "BidFile.sizeBytes",
  "AuditEvent.seq",
  "AuditLegacyEvent.seq",
  "AuditLogEntry.logIndex",
  "AuditLogEntry.eventSeq",
  "AuditMerkleNode.idx",
  "AuditTreeHead.id",
  "AuditTreeHead.treeSize",
  "TestClockOffset.offsetMs",
  // the last TOTP time step accepted (decision 0034): a counter, not money
  "User.totpLastStep",
  // a base backup's size and the backup disk's space (decision 0039): bytes, not money
  "BackupRun.sizeBytes",
  "BackupStatus.diskFreeBytes",
  "BackupStatus.diskTotalBytes",
  // a transferred tender's audit events keep the source's sequence numbers (decision 0040)
  "ImportedAuditEvent.sourceSeq",
  // an OCDS release's insertion order and its writing transaction, the change feed's watermark (decision 0041)
  "OcdsRelease.seq",
  "OcdsRelease.xid",
]);

/** The SQLSTATE PostgreSQL answers a write with, or null when it was accepted. */
async function sqlState(sql: string): Promise<string | null> {
  try {
    await db.$executeRawUnsafe(sql);
    return null;
  } catch (error) {
    const text = String(
      (error as { meta?: unknown }).meta ? JSON.stringify((error as { meta?: unknown }).meta) : error,
    );
    return /23514|check constraint/i.test(text) ? "23514" : text;
  }
}

describe("the rupiah ceiling in PostgreSQL", () => {
  it("puts a CHECK up to the ceiling on every BIGINT rupiah column", async () => {
    const columns = await db.$queryRaw<{ tbl: string; col: string }[]>`
      SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'bigint'`;
    const checks = await db.$queryRaw<{ tbl: string; def: string }[]>`
      SELECT conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'c'`;
    const money = columns.filter((c) => !NOT_MONEY.has(`${c.tbl}.${c.col}`));
    expect(money.length).toBeGreaterThanOrEqual(15);
    const unguarded = money.filter(
      (c) =>
        !checks.some(
          (k) =>
            k.tbl.replaceAll('"', "") === c.tbl &&
            new RegExp(`\\(+"?${c.col}"?[ :)]`).test(k.def) &&
            k.def.includes(RUPIAH_CEILING.toString()),
        ),
    );
    expect(unguarded).toEqual([]);
  });

  it("refuses one rupiah above the ceiling written directly, and a negative amount, and accepts the ceiling", async () => {
    const paket = await makePaket(await makeAgency(), (await makeUser()).id);
    const set = (column: string, value: bigint | string) =>
      sqlState(`UPDATE "Paket" SET "${column}" = ${value} WHERE id = '${paket.id}'`);
    expect(await set("pagu", RUPIAH_CEILING)).toBeNull();
    expect(await set("pagu", RUPIAH_CEILING + 1n)).toBe("23514");
    expect(await set("pagu", 0n)).toBe("23514");
    expect(await set("hps", -1n)).toBe("23514");
    // an HPS is above zero (Paket_hps_rupiah, tightened in migration 20261208100000)
    expect(await set("hps", 0n)).toBe("23514");
    expect(await set("hps", 1n)).toBeNull();
  });

  it("bounds an HPS line's total (volume x harga satuan), not only its unit price", async () => {
    const paket = await makePaket(await makeAgency(), (await makeUser()).id);
    await db.hpsItem.create({
      data: { paketId: paket.id, position: 0, description: "Semen", unit: "sak", quantity: 1, unitPrice: 1n },
    });
    const line = (quantity: number, price: bigint) =>
      sqlState(`UPDATE "HpsItem" SET quantity = ${quantity}, "unitPrice" = ${price} WHERE "paketId" = '${paket.id}'`);
    expect(await line(3, 3_333_333_333_333_333n)).toBeNull();
    expect(await line(3, 3_333_333_333_333_334n)).toBe("23514");
  });

  it("refuses an opened price of 2^63 - 1 (what once broke the opening) written directly", async () => {
    const { tender } = await makeSealedBidTender();
    const { bid } = await makeSubmittedBid(tender.id);
    const open = (price: bigint) => sqlState(`UPDATE "Bid" SET "openedPrice" = ${price} WHERE id = '${bid.id}'`);
    expect(await open(2n ** 63n - 1n)).toBe("23514");
    expect(await open(0n)).toBe("23514");
    expect(await open(RUPIAH_CEILING)).toBeNull();
  });
});
