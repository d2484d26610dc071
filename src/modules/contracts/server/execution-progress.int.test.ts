import { describe, expect, it } from "vitest";
import { makeActor, makeAgency, makeSubmittedBid, makeUser, actorFor } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { makeActiveContract } from "../testing/active-contract";
import { recordBast } from "./record-bast";
import { recordPayment } from "./record-payment";
import { reportProgress } from "./report-progress";

const NOTE = "Pekerjaan struktur lantai satu selesai dicor.";
const today = async () => (await dbNow()).toISOString().slice(0, 10);
const termins = (contractId: string) =>
  db.contractTermin.findMany({ where: { contractId }, orderBy: { position: "asc" } });

describe("reportProgress", () => {
  it("the winner's user reports progress on the running termin; the PPK is told, audited, released", async () => {
    const { contract, vendor, ppk } = await makeActiveContract();
    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 40, note: NOTE });
    const [first] = await termins(contract.id);
    expect(first).toMatchObject({ progressPercent: 40, progressNote: NOTE, progressReportedById: vendor.userId });
    expect(await db.notification.count({ where: { kind: "contract.progressReported", userId: ppk.userId } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "contract.progressReported" } });
    expect(audit).toMatchObject({ entityId: contract.id, actorId: vendor.userId });
    expect(await db.ocdsRelease.count({ where: { tenderId: contract.tenderId } })).toBeGreaterThan(0);
  });

  it("refuses absurd and backward figures, another termin, another vendor and the PPK; nothing written", async () => {
    const { contract, vendor, ppk, tender } = await makeActiveContract();
    const report = (percent: unknown, position: unknown = 1, actor = vendor) =>
      reportProgress(actor, {
        contractId: contract.id,
        position: position as number,
        percent: percent as number,
        note: NOTE,
      });
    await expect(report(101)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.progressRange",
    });
    await expect(report(-1)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(report("")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(report(12.5)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(report(10, 2)).rejects.toMatchObject({ messageKey: "contractExecution.notCurrentTermin" });
    await expect(
      reportProgress(vendor, { contractId: contract.id, position: 1, percent: 10, note: "  " }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "contractExecution.noteRequired" });
    const other = await makeSubmittedBid(tender.id);
    await expect(report(10, 1, other.penyedia)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(report(10, 1, ppk)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await termins(contract.id))[0]!.progressReportedAt).toBeNull();

    await report(30);
    await expect(report(29)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.progressBackwards",
      values: { last: 30 },
    });
    expect((await termins(contract.id))[0]!.progressPercent).toBe(30);
  });

  it("refuses a contract without its SPMK", async () => {
    const { contract, vendor } = await makeActiveContract({ status: "SIGNED" });
    await expect(
      reportProgress(vendor, { contractId: contract.id, position: 1, percent: 10, note: NOTE }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "contractExecution.notActive" });
  });
});

describe("recordBast and recordPayment", () => {
  it("two termins to COMPLETED: BAST at the share, payment after it, once, never above the termin", async () => {
    const { contract, vendor, ppk } = await makeActiveContract();
    const day = await today();
    const bast = (position: number, bastNumber = `BAST/${position}`) =>
      recordBast(ppk, { contractId: contract.id, position, bastNumber, bastOn: day });
    const pay = (position: number, amount: string) =>
      recordPayment(ppk, { contractId: contract.id, position, amount, paidOn: day, reference: `SP2D-${position}` });

    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 39, note: NOTE });
    await expect(bast(1)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "contractExecution.bastProgressShort",
      values: { needed: 40, reported: 39 },
    });
    await expect(pay(1, "400.000.000")).rejects.toMatchObject({ messageKey: "contractExecution.paymentBeforeBast" });
    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 40, note: NOTE });
    await expect(bast(1)).resolves.toMatchObject({ completed: false });
    await expect(bast(1)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "contractExecution.bastTwice" });

    await expect(pay(1, "0")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(pay(1, "400.000.001")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.paymentAboveTermin",
    });
    // two payments of one termin at once: the row lock lets one through, the other sees it paid
    const both = await Promise.allSettled([pay(1, "380.000.000"), pay(1, "380.000.000")]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", messageKey: "contractExecution.paymentTwice" },
    });
    expect(await db.auditEvent.count({ where: { action: "contract.paymentRecorded" } })).toBe(1);

    await reportProgress(vendor, { contractId: contract.id, position: 2, percent: 100, note: NOTE });
    await expect(bast(2)).resolves.toMatchObject({ completed: true });
    await pay(2, "600.000.000");
    const after = await db.contract.findUniqueOrThrow({
      where: { id: contract.id },
      select: { status: true, completedAt: true },
    });
    expect(after.status).toBe("COMPLETED");
    expect(after.completedAt).not.toBeNull();
    expect((await termins(contract.id)).map((t) => t.paidAmount)).toEqual([380_000_000n, 600_000_000n]);
    expect(await db.notification.count({ where: { kind: "contract.bastRecorded", userId: vendor.userId } })).toBe(2);
  });

  it("refuses a BAST of a terminated contract, a future date, a PPK of another agency or paket", async () => {
    const { contract, vendor, ppk, agency } = await makeActiveContract();
    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 50, note: NOTE });
    const input = { contractId: contract.id, position: 1, bastNumber: "BAST/1", bastOn: await today() };
    await expect(recordBast(await makeActor("PPK", (await makeAgency()).id), input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const colleague = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
    await expect(recordBast(colleague, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordBast(vendor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordBast(ppk, { ...input, bastOn: "2099-01-01" })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "contractExecution.dayInFuture",
    });
    await expect(recordBast(ppk, { ...input, bastOn: "2026-02-30" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(recordBast(ppk, { ...input, bastNumber: " " })).rejects.toMatchObject({ code: "VALIDATION" });
    await db.contract.update({
      where: { id: contract.id },
      data: {
        status: "TERMINATED",
        terminatedAt: new Date(),
        terminatedById: ppk.userId,
        terminationGround: "KEADAAN_KAHAR",
        terminationReason: "Uji pemutusan.",
      },
    });
    await expect(recordBast(ppk, input)).rejects.toMatchObject({ messageKey: "contractExecution.terminated" });
    expect((await termins(contract.id))[0]!.bastAt).toBeNull();
  });
});
