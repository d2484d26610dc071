import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePokjaTender, makeStages, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { chooseTenderMethod } from "./choose-tender-method";
import { updateTenderSetup } from "./update-tender-setup";

async function draftTender(category: "BARANG" | "JASA_KONSULTANSI" = "BARANG") {
  const made = await makePokjaTender({ category });
  // the method rules sent the paket to tender (or seleksi), as handing it over requires
  await db.paket.update({
    where: { id: made.paket.id },
    data: { method: category === "BARANG" ? "TENDER" : "SELEKSI" },
  });
  return made;
}

const stateOf = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: {
      method: true,
      evaluationMethod: true,
      technicalWeight: true,
      procedure: { select: { key: true, minBids: true } },
      _count: { select: { stages: true } },
    },
  });

describe("chooseTenderMethod", () => {
  it("switches a draft tender to Tender Cepat with its procedure and price-only evaluation, drops the old schedule, and audits it", async () => {
    const { pokja, tender } = await draftTender();
    const now = new Date(Date.now() + 86_400_000);
    await makeStages(tender.id, [["PENGUMUMAN", now, new Date(now.getTime() + 3 * 86_400_000)]]);
    await db.tender.update({
      where: { id: tender.id },
      data: { evaluationMethod: "SISTEM_NILAI", technicalWeight: 70, priceWeight: 30 },
    });

    expect(await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER_CEPAT" })).toEqual({
      id: tender.id,
      changed: true,
    });
    expect(await stateOf(tender.id)).toEqual({
      method: "TENDER_CEPAT",
      evaluationMethod: "HARGA_TERENDAH",
      technicalWeight: null,
      procedure: { key: "tender-cepat", minBids: 2 },
      _count: { stages: 0 },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.methodChanged", entityId: tender.id },
    });
    expect(audit).toMatchObject({
      actorId: pokja.userId,
      data: { from: "TENDER", to: "TENDER_CEPAT", procedure: "tender-cepat", scheduleStagesDropped: 1 },
    });
  });

  it("switches back to a tender with the tender procedure; choosing the method it has changes nothing", async () => {
    const { pokja, tender } = await draftTender();
    await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER_CEPAT" });
    await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER" });
    expect(await stateOf(tender.id)).toMatchObject({
      method: "TENDER",
      procedure: { key: "tender-pascakualifikasi", minBids: 1 },
    });
    expect(await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER" })).toEqual({
      id: tender.id,
      changed: false,
    });
    expect(await db.auditEvent.count({ where: { action: "tender.methodChanged", entityId: tender.id } })).toBe(2);
  });

  it("refuses once the tender is announced, and for a seleksi, changing nothing", async () => {
    const { pokja, tender } = await draftTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await expect(chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER_CEPAT" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderSetupLocked",
    });
    expect((await stateOf(tender.id)).method).toBe("TENDER");

    const seleksi = await draftTender("JASA_KONSULTANSI");
    await expect(
      chooseTenderMethod(seleksi.pokja, { tenderId: seleksi.tender.id, method: "TENDER_CEPAT" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { method: ["tenderMethodNotAllowed"] },
    });
    expect((await stateOf(seleksi.tender.id)).method).toBe("SELEKSI");
    expect(await db.auditEvent.count({ where: { action: "tender.methodChanged" } })).toBe(0);
  });

  it("hides the tender from a Pokja member of another agency", async () => {
    const { tender } = await draftTender();
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: (await makeAgency()).id }]));
    await expect(chooseTenderMethod(outsider, { tenderId: tender.id, method: "TENDER_CEPAT" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("updateTenderSetup for a Tender Cepat", () => {
  const setup = (tenderId: string) => ({
    tenderId,
    qualification: "",
    evaluationMethod: "HARGA_TERENDAH" as const,
    technicalWeight: null,
    priceWeight: null,
    bidSecurityAmount: null,
    requiredKbli: ["46100", "41011"],
    requiredPermits: ["SBU"],
  });

  it("stores the checkable requirements, and keeps them when a save does not send them", async () => {
    const { pokja, tender } = await draftTender();
    await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER_CEPAT" });
    await updateTenderSetup(pokja, setup(tender.id));
    const { requiredKbli: _k, requiredPermits: _p, ...withoutLists } = setup(tender.id);
    await updateTenderSetup(pokja, { ...withoutLists, qualification: "Terkualifikasi dalam SIKaP." });
    expect(
      await db.tender.findUniqueOrThrow({
        where: { id: tender.id },
        select: { requiredKbli: true, requiredPermits: true },
      }),
    ).toEqual({ requiredKbli: ["46100", "41011"], requiredPermits: ["SBU"] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.setupUpdated", entityId: tender.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.data).toMatchObject({ requiredKbli: ["46100", "41011"], requiredPermits: ["SBU"] });
  });

  it("refuses an evaluation method other than harga terendah", async () => {
    const { pokja, tender } = await draftTender();
    await chooseTenderMethod(pokja, { tenderId: tender.id, method: "TENDER_CEPAT" });
    await expect(
      updateTenderSetup(pokja, {
        ...setup(tender.id),
        evaluationMethod: "SISTEM_NILAI",
        technicalWeight: 70,
        priceWeight: 30,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { evaluationMethod: ["cepatPriceOnly"] },
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).requiredKbli).toEqual([]);
  });
});
