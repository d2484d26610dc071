import { describe, expect, it } from "vitest";
import { actorFor, makeDirectPaket, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { inviteVendor } from "./invite-vendor";
import { submitQuotation } from "./submit-quotation";

async function invited() {
  const { agency, pp, paket } = await makeDirectPaket();
  const vendor = await makeVendor();
  const { id } = await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: vendor.id });
  const penyedia = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id }));
  return { agency, pp, paket, vendor, penyedia, dpId: id };
}

const dpOf = (id: string) =>
  db.directProcurement.findUniqueOrThrow({
    where: { id },
    select: { status: true, quotedPrice: true, quotedAt: true },
  });

describe("submitQuotation", () => {
  it("records the quotation with the database time; exactly the HPS is allowed", async () => {
    const { penyedia, dpId } = await invited();
    await submitQuotation(penyedia, { directProcurementId: dpId, price: 150_000_000n });
    const dp = await dpOf(dpId);
    expect(dp).toMatchObject({ status: "QUOTED", quotedPrice: 150_000_000n });
    expect(dp.quotedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirst({ where: { action: "directProcurement.quoted", entityId: dpId } });
    expect(audit?.actorId).toBe(penyedia.userId);
    expect(audit?.data).toMatchObject({ quotedPrice: "150000000" });
  });

  it("refuses one rupiah above the HPS", async () => {
    const { penyedia, dpId } = await invited();
    await expect(submitQuotation(penyedia, { directProcurementId: dpId, price: 150_000_001n })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "quotationAboveHps",
    });
    expect(await dpOf(dpId)).toMatchObject({ status: "INVITED", quotedPrice: null });
  });

  it("refuses a second quotation", async () => {
    const { penyedia, dpId } = await invited();
    await submitQuotation(penyedia, { directProcurementId: dpId, price: 140_000_000n });
    await expect(submitQuotation(penyedia, { directProcurementId: dpId, price: 130_000_000n })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "quotationAlreadySubmitted",
    });
    expect((await dpOf(dpId)).quotedPrice).toBe(140_000_000n);
  });

  it("refuses a user of another vendor and the Pejabat Pengadaan; nothing changes", async () => {
    const { pp, dpId } = await invited();
    const other = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: (await makeVendor()).id }));
    await expect(submitQuotation(other, { directProcurementId: dpId, price: 1n })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(submitQuotation(actorFor(pp), { directProcurementId: dpId, price: 1n })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await dpOf(dpId)).toMatchObject({ status: "INVITED", quotedPrice: null });
    expect(await db.auditEvent.count({ where: { action: "directProcurement.quoted" } })).toBe(0);
  });
});
