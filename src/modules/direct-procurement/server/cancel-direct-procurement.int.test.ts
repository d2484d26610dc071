import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeDirectPaket, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { cancelDirectProcurement } from "./cancel-direct-procurement";
import { inviteVendor } from "./invite-vendor";

const reason = "Penyedia tidak menyampaikan penawaran sampai batas waktu undangan.";

async function invited() {
  const { pp, paket } = await makeDirectPaket();
  const { id } = await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: (await makeVendor()).id });
  return { pp: actorFor(pp), paket, dpId: id };
}

const statuses = async (paketId: string) => {
  const p = await db.paket.findUniqueOrThrow({
    where: { id: paketId },
    select: { status: true, directProcurement: { select: { status: true } } },
  });
  return [p.status, p.directProcurement?.status];
};

describe("cancelDirectProcurement", () => {
  it("cancels with the reason in the audit trail", async () => {
    const { pp, paket, dpId } = await invited();
    await cancelDirectProcurement(pp, { paketId: paket.id, reason });
    expect(await statuses(paket.id)).toEqual(["CANCELLED", "CANCELLED"]);
    const audit = await db.auditEvent.findFirst({ where: { action: "directProcurement.cancelled", entityId: dpId } });
    expect(audit?.data).toMatchObject({ reason, previousStatus: "INVITED" });
  });

  it("refuses to cancel twice, or before anyone was invited", async () => {
    const { pp, paket } = await invited();
    await cancelDirectProcurement(pp, { paketId: paket.id, reason });
    await expect(cancelDirectProcurement(pp, { paketId: paket.id, reason })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "directProcurementClosed",
    });
    const fresh = await makeDirectPaket();
    await expect(
      cancelDirectProcurement(actorFor(fresh.pp), { paketId: fresh.paket.id, reason }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "noVendorInvited" });
  });

  it("refuses a Pejabat Pengadaan of another agency", async () => {
    const { paket } = await invited();
    const stranger = actorFor(await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: (await makeAgency()).id }]));
    await expect(cancelDirectProcurement(stranger, { paketId: paket.id, reason })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await statuses(paket.id)).toEqual(["IN_SELECTION", "INVITED"]);
  });
});
