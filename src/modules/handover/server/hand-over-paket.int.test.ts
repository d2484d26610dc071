import { describe, expect, it } from "vitest";
import {
  actorFor,
  attachPaketDocument,
  makeAgency,
  makePaket,
  makePokjaOfSize,
  makeUser,
  seedReference,
} from "@/tests/factories";
import type { ProcurementCategory, ProcurementMethod } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { findHandOverTargets } from "./find-handover-targets";
import { handOverPaket } from "./hand-over-paket";

async function readyPaket(method: ProcurementMethod = "TENDER", category: ProcurementCategory = "BARANG") {
  await seedReference();
  const agency = await makeAgency();
  const ppkUser = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const paket = await makePaket(agency, ppkUser.id, { category, pagu: 900_000_000n, hps: 850_000_000n });
  await db.paket.update({ where: { id: paket.id }, data: { method } });
  await attachPaketDocument(paket.id, "KAK");
  return { agency, ppk: actorFor(ppkUser), paket };
}

const stateOf = (id: string) =>
  db.paket.findUniqueOrThrow({ where: { id }, select: { status: true, handedOverAt: true, pejabatPengadaanId: true } });
const nothingHandedOver = async (id: string) => {
  expect(await stateOf(id)).toEqual({ status: "DRAFT", handedOverAt: null, pejabatPengadaanId: null });
  expect(await db.tender.count({ where: { paketId: id } })).toBe(0);
  expect(await db.auditEvent.count({ where: { action: "paket.handedOver" } })).toBe(0);
};

describe("handOverPaket to a Pokja", () => {
  it("creates the DRAFT tender with the procedure for method and category, and records paket.handedOver", async () => {
    const { agency, ppk, paket } = await readyPaket("TENDER", "PEKERJAAN_KONSTRUKSI");
    const pokja = await makePokjaOfSize(agency, 3);
    const { tender } = await handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id });
    expect(tender?.code).toBe("2026000001");
    const row = await db.tender.findUniqueOrThrow({
      where: { id: tender!.id },
      select: { status: true, method: true, pokjaId: true, procedure: { select: { key: true } } },
    });
    expect(row).toEqual({
      status: "DRAFT",
      method: "TENDER",
      pokjaId: pokja.id,
      procedure: { key: "tender-pascakualifikasi-konstruksi" },
    });
    expect(await stateOf(paket.id)).toMatchObject({ status: "HANDED_OVER", handedOverAt: expect.any(Date) });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "paket.handedOver", entityId: paket.id } });
    expect(event).toMatchObject({
      actorId: ppk.userId,
      data: { pokjaId: pokja.id, tenderCode: "2026000001", method: "TENDER" },
    });
  });

  it("numbers tenders of the year in sequence and hands seleksi to a Pokja of 5", async () => {
    const first = await readyPaket("TENDER");
    await handOverPaket(first.ppk, { paketId: first.paket.id, pokjaId: (await makePokjaOfSize(first.agency, 3)).id });
    const second = await readyPaket("SELEKSI", "JASA_KONSULTANSI");
    const { tender } = await handOverPaket(second.ppk, {
      paketId: second.paket.id,
      pokjaId: (await makePokjaOfSize(second.agency, 5)).id,
    });
    expect(tender?.code).toBe("2026000002");
  });

  it("refuses a second hand-over (INVALID_STATE)", async () => {
    const { agency, ppk, paket } = await readyPaket();
    const pokja = await makePokjaOfSize(agency, 3);
    await handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id });
    await expect(handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await db.tender.count({ where: { paketId: paket.id } })).toBe(1);
  });

  it.each([2, 4])("refuses a Pokja of %i members", async (size) => {
    const { agency, ppk, paket } = await readyPaket();
    const pokja = await makePokjaOfSize(agency, size);
    await expect(handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverPokjaSize",
      fieldErrors: { pokjaId: [expect.stringContaining(`${size} orang`)] },
    });
    await nothingHandedOver(paket.id);
  });

  it("refuses a Pokja of another agency, a Pejabat Pengadaan for a tender, and a paket without KAK", async () => {
    const { agency, ppk, paket } = await readyPaket();
    const otherPokja = await makePokjaOfSize(await makeAgency(), 3);
    await expect(handOverPaket(ppk, { paketId: paket.id, pokjaId: otherPokja.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverPokjaNotFound",
    });
    const pp = await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]);
    await expect(handOverPaket(ppk, { paketId: paket.id, pejabatPengadaanId: pp.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverNeedsPokja",
    });
    await db.document.deleteMany({ where: { paketId: paket.id } });
    await expect(
      handOverPaket(ppk, { paketId: paket.id, pokjaId: (await makePokjaOfSize(agency, 3)).id }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "handOverNeedsKak" });
    await nothingHandedOver(paket.id);
  });

  it("refuses a paket without HPS; an HPS over pagu cannot even be stored", async () => {
    const { agency, ppk, paket } = await readyPaket();
    const pokja = await makePokjaOfSize(agency, 3);
    await db.paket.update({ where: { id: paket.id }, data: { hps: null } });
    await expect(handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverNeedsHps",
    });
    // PostgreSQL refuses it (Paket_hps_within_pagu, migration 20261208100000)
    await expect(db.paket.update({ where: { id: paket.id }, data: { hps: 900_000_001n } })).rejects.toThrow(
      /Paket_hps_within_pagu/,
    );
    await nothingHandedOver(paket.id);
  });

  it("refuses a Pokja member (FORBIDDEN) and a PPK of another agency (NOT_FOUND)", async () => {
    const { agency, paket } = await readyPaket();
    const pokja = await makePokjaOfSize(agency, 3);
    const member = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const stranger = actorFor(await makeUser([{ role: "PPK", agencyId: (await makeAgency()).id }]));
    await expect(handOverPaket(member, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(handOverPaket(stranger, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(findHandOverTargets(stranger, paket.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await nothingHandedOver(paket.id);
  });
});

describe("handOverPaket to a Pejabat Pengadaan", () => {
  it("assigns a pengadaan langsung paket without creating a tender", async () => {
    const { agency, ppk, paket } = await readyPaket("PENGADAAN_LANGSUNG");
    const pp = await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]);
    expect((await findHandOverTargets(ppk, paket.id)).pejabatPengadaan).toEqual([{ id: pp.id, name: pp.name }]);
    await expect(handOverPaket(ppk, { paketId: paket.id, pejabatPengadaanId: pp.id })).resolves.toEqual({
      tender: null,
      pejabatPengadaanId: pp.id,
    });
    expect(await stateOf(paket.id)).toMatchObject({ status: "HANDED_OVER", pejabatPengadaanId: pp.id });
    expect(await db.tender.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "paket.handedOver", entityId: paket.id } })).toBe(1);
  });

  it("refuses a Pokja for pengadaan langsung, and a Pejabat Pengadaan of another agency", async () => {
    const { agency, ppk, paket } = await readyPaket("PENGADAAN_LANGSUNG");
    const pokja = await makePokjaOfSize(agency, 3);
    await expect(handOverPaket(ppk, { paketId: paket.id, pokjaId: pokja.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverNeedsPejabat",
    });
    const outsider = await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: (await makeAgency()).id }]);
    await expect(handOverPaket(ppk, { paketId: paket.id, pejabatPengadaanId: outsider.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "handOverPejabatNotFound",
    });
    await nothingHandedOver(paket.id);
  });
});
