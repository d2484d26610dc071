import { describe, expect, it } from "vitest";
import { actorFor, makeDirectPaket, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { completeDirectProcurement } from "./complete-direct-procurement";
import { inviteVendor } from "./invite-vendor";
import { recordNegotiation } from "./record-negotiation";
import { submitQuotation } from "./submit-quotation";

async function invited() {
  const { agency, pp, ppk, paket } = await makeDirectPaket();
  const vendor = await makeVendor();
  const { id } = await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: vendor.id });
  const penyedia = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
  const quote = (price: bigint) => submitQuotation(penyedia, { directProcurementId: id, price });
  return { agency, pp: actorFor(pp), ppk: actorFor(ppk), paket, dpId: id, quote };
}

const state = async (paketId: string) =>
  db.paket.findUniqueOrThrow({
    where: { id: paketId },
    select: {
      status: true,
      directProcurement: { select: { status: true, contractValue: true, contractNumber: true, completedAt: true } },
    },
  });

describe("completeDirectProcurement", () => {
  it("records the contract at the negotiated price and completes the paket", async () => {
    const { pp, paket, dpId, quote } = await invited();
    await quote(140_000_000n);
    await recordNegotiation(pp, {
      paketId: paket.id,
      price: 138_000_000n,
      note: "Turun setelah negosiasi ongkos kirim.",
    });
    await completeDirectProcurement(pp, {
      paketId: paket.id,
      contractNumber: "SPK/027/PL/2026",
      contractValue: 138_000_000n,
    });
    const after = await state(paket.id);
    expect(after.status).toBe("COMPLETED");
    expect(after.directProcurement).toMatchObject({
      status: "COMPLETED",
      contractValue: 138_000_000n,
      contractNumber: "SPK/027/PL/2026",
    });
    expect(after.directProcurement?.completedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "directProcurement.completed", entityId: dpId } })).toBe(1);
  });

  it("without negotiation the quotation is the ceiling", async () => {
    const { pp, paket, quote } = await invited();
    await quote(140_000_000n);
    await expect(
      completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/1", contractValue: 140_000_001n }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "contractAboveCeiling" });
    await completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/1", contractValue: 140_000_000n });
    expect((await state(paket.id)).status).toBe("COMPLETED");
  });

  it("refuses the negotiated price plus one rupiah", async () => {
    const { pp, paket, quote } = await invited();
    await quote(140_000_000n);
    await recordNegotiation(pp, { paketId: paket.id, price: 130_000_000n, note: "Harga satuan disesuaikan." });
    await expect(
      completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/2", contractValue: 130_000_001n }),
    ).rejects.toMatchObject({ messageKey: "contractAboveCeiling" });
    expect((await state(paket.id)).status).toBe("IN_SELECTION");
  });

  it("refuses before a quotation, and twice", async () => {
    const { pp, paket, quote } = await invited();
    await expect(
      completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/3", contractValue: 1n }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "noQuotationYet" });
    await quote(100n);
    await completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/3", contractValue: 100n });
    await expect(
      completeDirectProcurement(pp, { paketId: paket.id, contractNumber: "SPK/4", contractValue: 100n }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "directProcurementClosed" });
  });

  it("refuses the PPK; nothing changes", async () => {
    const { ppk, paket, quote } = await invited();
    await quote(100n);
    await expect(
      completeDirectProcurement(ppk, { paketId: paket.id, contractNumber: "SPK/5", contractValue: 100n }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await state(paket.id)).directProcurement?.status).toBe("QUOTED");
  });
});
