import { describe, expect, it } from "vitest";
import { makeActor, makeScheduledTender } from "@/tests/factories";
import { blacklistVendor } from "@/tests/factories/blacklist";
import { makeConsultant, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { applyPrequalification } from "./apply-prequalification";

const NOTHING = { permitIds: [], experienceIds: [], staff: [], equipment: [], financial: null };

async function permitOf(vendorId: string) {
  return db.vendorPermit.create({
    data: { vendorId, kind: "SBU", number: "SBU-001", issuedBy: "LPJK", validUntil: new Date("2030-01-01") },
  });
}

describe("applyPrequalification", () => {
  it("takes the form from the verified profile, registers the firm, audits it; sending again replaces it", async () => {
    const { tender } = await makeSeleksiTender();
    const { vendor, penyedia } = await makeConsultant();
    const permit = await permitOf(vendor.id);
    const first = await applyPrequalification(penyedia, { tenderId: tender.id, qualification: NOTHING });
    expect(first).toMatchObject({ round: 1, replaced: false });
    expect(await db.tenderParticipant.count({ where: { tenderId: tender.id, vendorId: vendor.id } })).toBe(1);
    const second = await applyPrequalification(penyedia, {
      tenderId: tender.id,
      qualification: JSON.stringify({ ...NOTHING, permitIds: [permit.id] }),
    });
    expect(second).toMatchObject({ id: first.id, replaced: true });
    const row = await db.prequalificationApplication.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.form).toMatchObject({ permits: [{ vendorPermitId: permit.id, number: "SBU-001" }] });
    const actions = await db.auditEvent.findMany({ where: { entityId: first.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["prequalification.applied", "prequalification.replaced"]);
  });

  it("refuses before and after the PRAKUALIFIKASI stage (moved, never the wall clock)", async () => {
    for (const [shiftHours, key] of [
      [30, "seleksi.prequalificationNotOpen"],
      [-30, "seleksi.prequalificationClosed"],
    ] as const) {
      const { tender } = await makeSeleksiTender({ shiftHours });
      const { penyedia } = await makeConsultant();
      await expect(
        applyPrequalification(penyedia, { tenderId: tender.id, qualification: NOTHING }),
      ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: key });
      expect(await db.prequalificationApplication.count({ where: { tenderId: tender.id } })).toBe(0);
    }
  });

  it("refuses the wrong role, an unverified firm, another firm's permit and a tender without prakualifikasi", async () => {
    const { tender, agency, pokja } = await makeSeleksiTender();
    const input = { tenderId: tender.id, qualification: NOTHING };
    await expect(applyPrequalification(pokja, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(applyPrequalification(await makeActor("PPK", agency.id), input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const pending = await makeConsultant({ status: "PENDING" });
    await expect(applyPrequalification(pending.penyedia, input)).rejects.toMatchObject({
      messageKey: "ownVendorNotVerified",
    });
    const other = await makeConsultant();
    const theirs = await permitOf(other.vendor.id);
    const { penyedia } = await makeConsultant();
    await expect(
      applyPrequalification(penyedia, { ...input, qualification: { ...NOTHING, permitIds: [theirs.id] } }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "qualificationEntryNotYours" });
    const { tender: plain } = await makeScheduledTender({ stages: [["PRAKUALIFIKASI", -1, 24]] });
    await expect(applyPrequalification(penyedia, { ...input, tenderId: plain.id })).rejects.toMatchObject({
      messageKey: "seleksi.notSeleksi",
    });
    expect(await db.prequalificationApplication.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("refuses absurd input and a company on the daftar hitam", async () => {
    const { tender } = await makeSeleksiTender();
    const { vendor, penyedia } = await makeConsultant();
    for (const bad of [
      { tenderId: "x", qualification: NOTHING },
      { tenderId: tender.id, qualification: "{not json" },
      { tenderId: tender.id, qualification: { ...NOTHING, permitIds: ["a", "a"] } },
    ])
      await expect(applyPrequalification(penyedia, bad)).rejects.toMatchObject({ code: "VALIDATION" });
    await blacklistVendor(vendor, "SK-01/2026");
    await expect(
      applyPrequalification(penyedia, { tenderId: tender.id, qualification: NOTHING }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prequalificationApplication.count({ where: { tenderId: tender.id } })).toBe(0);
  });
});
