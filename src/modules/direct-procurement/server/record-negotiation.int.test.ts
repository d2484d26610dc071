import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeDirectPaket, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { inviteVendor } from "./invite-vendor";
import { recordNegotiation } from "./record-negotiation";
import { submitQuotation } from "./submit-quotation";

async function quoted(price: bigint | null = 140_000_000n) {
  const { pp, paket } = await makeDirectPaket();
  const vendor = await makeVendor();
  const { id } = await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: vendor.id });
  const penyedia = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
  if (price !== null) await submitQuotation(penyedia, { directProcurementId: id, price });
  return { pp: actorFor(pp), paket, dpId: id };
}

const note = "Penyedia bersedia menurunkan harga setelah klarifikasi volume.";

describe("recordNegotiation", () => {
  it("records a lower price with its note, and allows a further round", async () => {
    const { pp, paket, dpId } = await quoted();
    await recordNegotiation(pp, { paketId: paket.id, price: 135_000_000n, note });
    await recordNegotiation(pp, { paketId: paket.id, price: 135_000_000n, note });
    const dp = await db.directProcurement.findUniqueOrThrow({
      where: { id: dpId },
      select: { status: true, negotiatedPrice: true, negotiationNote: true },
    });
    expect(dp).toEqual({ status: "NEGOTIATED", negotiatedPrice: 135_000_000n, negotiationNote: note });
    expect(await db.auditEvent.count({ where: { action: "directProcurement.negotiated", entityId: dpId } })).toBe(2);
  });

  it("refuses a price above the quotation", async () => {
    const { pp, paket, dpId } = await quoted();
    await expect(recordNegotiation(pp, { paketId: paket.id, price: 140_000_001n, note })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "negotiatedAboveCeiling",
    });
    expect((await db.directProcurement.findUniqueOrThrow({ where: { id: dpId } })).status).toBe("QUOTED");
  });

  it("refuses before the vendor has quoted", async () => {
    const { pp, paket } = await quoted(null);
    await expect(recordNegotiation(pp, { paketId: paket.id, price: 1n, note })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "noQuotationYet",
    });
  });

  it("refuses a Pejabat Pengadaan of another agency", async () => {
    const { paket, dpId } = await quoted();
    const stranger = actorFor(await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: (await makeAgency()).id }]));
    await expect(recordNegotiation(stranger, { paketId: paket.id, price: 1n, note })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.directProcurement.findUniqueOrThrow({ where: { id: dpId } })).negotiatedPrice).toBeNull();
  });
});
