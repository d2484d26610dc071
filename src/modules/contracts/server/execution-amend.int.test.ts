import { describe, expect, it } from "vitest";
import { makeActor, makeAgency } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { makeActiveContract } from "../testing/active-contract";
import { amendContract } from "./amend-contract";
import { rateVendor } from "./rate-vendor";
import { recordBast } from "./record-bast";
import { recordPayment } from "./record-payment";
import { reportProgress } from "./report-progress";
import { terminateContract } from "./terminate-contract";

const REASON = "Perbedaan kondisi lapangan: volume galian bertambah sesuai hasil MC-0.";
const GROUND = "LALAI_CIDERA_JANJI";
const END_LATER = "2027-12-31";
const RATING = { quality: 4, cost: 3, timeliness: 3, service: 4, note: "Pekerjaan rapi, sedikit terlambat." };

describe("amendContract", () => {
  it("takes +10% exactly and refuses one rupiah more, counted from the original value", async () => {
    const { contract, ppk, vendor } = await makeActiveContract();
    const amend = (newValue: string, reason = REASON) =>
      amendContract(ppk, { contractId: contract.id, newValue, newEndsOn: END_LATER, reason });
    await expect(amend("1.100.000.001")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.addendumIncreaseTooLarge",
      values: { max: expect.stringContaining("1.100.000.000") },
    });
    await expect(amend("1.050.000.000", "  ")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(amend("0")).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.contractAddendum.count()).toBe(0);

    await expect(amend("1.050.000.000")).resolves.toMatchObject({ number: 1, value: 1_050_000_000n });
    const [one, two] = await db.contractTermin.findMany({
      where: { contractId: contract.id },
      orderBy: { position: "asc" },
    });
    expect([one!.amount, two!.amount]).toEqual([420_000_000n, 630_000_000n]);
    // cumulative: a second addendum may take the value to the original + 10%, not past it
    await expect(amend("1.100.000.001")).rejects.toMatchObject({
      messageKey: "contractExecution.addendumIncreaseTooLarge",
    });
    await expect(amend("1.100.000.000")).resolves.toMatchObject({ number: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "contract.amended" },
      orderBy: { seq: "desc" },
    });
    expect(audit.data).toMatchObject({ addendum: 2, valueBefore: "1050000000", valueAfter: "1100000000" });
    expect(await db.notification.count({ where: { kind: "contract.amended", userId: vendor.userId } })).toBe(2);
  });

  it("a decrease leaves the settled termin alone; a shorter period, another agency's PPK, the vendor are refused", async () => {
    const { contract, ppk, vendor } = await makeActiveContract();
    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 40, note: "Struktur selesai." });
    const today = (await dbNow()).toISOString().slice(0, 10);
    await recordBast(ppk, { contractId: contract.id, position: 1, bastNumber: "BAST/1", bastOn: today });
    const input = { contractId: contract.id, newValue: "900.000.000", newEndsOn: END_LATER, reason: REASON };
    await expect(amendContract(vendor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(amendContract(await makeActor("PPK", (await makeAgency()).id), input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(amendContract(ppk, { ...input, newEndsOn: "2026-01-01" })).rejects.toMatchObject({
      messageKey: "contractExecution.addendumEndEarlier",
    });
    await expect(amendContract(ppk, { ...input, newValue: "400.000.000" })).rejects.toMatchObject({
      messageKey: "contractExecution.addendumBelowSettled",
    });
    await amendContract(ppk, input);
    const amounts = (
      await db.contractTermin.findMany({ where: { contractId: contract.id }, orderBy: { position: "asc" } })
    ).map((t) => t.amount);
    expect(amounts).toEqual([400_000_000n, 500_000_000n]);
  });

  it("an addendum racing a payment: one after the other under the contract's lock, the sums stay whole", async () => {
    const { contract, ppk, vendor } = await makeActiveContract();
    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 40, note: "Struktur selesai." });
    const today = (await dbNow()).toISOString().slice(0, 10);
    await recordBast(ppk, { contractId: contract.id, position: 1, bastNumber: "BAST/1", bastOn: today });
    await Promise.all([
      amendContract(ppk, { contractId: contract.id, newValue: "1.100.000.000", newEndsOn: END_LATER, reason: REASON }),
      recordPayment(ppk, {
        contractId: contract.id,
        position: 1,
        amount: "400.000.000",
        paidOn: today,
        reference: "SP2D-1",
      }),
    ]);
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, include: { termins: true } });
    expect(after.termins.reduce((s, t) => s + t.amount, 0n)).toBe(after.value);
    expect(after.termins.find((t) => t.position === 1)!.amount).toBe(400_000_000n);
  });
});

describe("terminateContract and rateVendor", () => {
  it("terminates with a reason once; the rating follows once; the vendor cannot do either", async () => {
    const { contract, ppk, vendor } = await makeActiveContract();
    await expect(rateVendor(ppk, { contractId: contract.id, ...RATING })).rejects.toMatchObject({
      messageKey: "contractExecution.ratingState",
    });
    await expect(
      terminateContract(ppk, { contractId: contract.id, ground: GROUND, reason: "kurang" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.reasonTooShort",
    });
    await expect(
      terminateContract(vendor, { contractId: contract.id, ground: GROUND, reason: REASON }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await terminateContract(ppk, { contractId: contract.id, ground: GROUND, reason: REASON });
    expect(await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } })).toEqual({
      status: "TERMINATED",
    });
    await expect(
      terminateContract(ppk, { contractId: contract.id, ground: GROUND, reason: REASON }),
    ).rejects.toMatchObject({
      messageKey: "contractExecution.terminationState",
    });
    expect(await db.notification.count({ where: { kind: "contract.terminated", userId: vendor.userId } })).toBe(1);

    await expect(rateVendor(ppk, { contractId: contract.id, ...RATING, quality: 5 })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.scoreRange",
    });
    await expect(rateVendor(ppk, { contractId: contract.id, ...RATING, cost: 0 })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(rateVendor(vendor, { contractId: contract.id, ...RATING })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await rateVendor(ppk, { contractId: contract.id, ...RATING });
    await expect(rateVendor(ppk, { contractId: contract.id, ...RATING })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "contractExecution.ratingTwice",
    });
    expect(await db.vendorRating.findUniqueOrThrow({ where: { contractId: contract.id } })).toMatchObject({
      quality: 4,
      cost: 3,
      ratedById: ppk.userId,
    });
    expect(await db.auditEvent.count({ where: { action: "contract.vendorRated", entityId: contract.id } })).toBe(1);
  });

  it("a draft cannot be terminated", async () => {
    const { contract, ppk } = await makeActiveContract({ status: "SIGNED" });
    await db.contract.update({
      where: { id: contract.id },
      data: { status: "DRAFT", vendorSignedAt: null, vendorSignedById: null, ppkSignedAt: null, ppkSignedById: null },
    });
    await expect(
      terminateContract(ppk, { contractId: contract.id, ground: GROUND, reason: REASON }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contractExecution.terminationState",
    });
  });
});
