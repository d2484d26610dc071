import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser, paketInput, seedReference } from "@/tests/factories";
import { db } from "@/server/db";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { createPaket } from "./create-paket";

async function ppkOf() {
  await seedReference();
  const agency = await makeAgency();
  const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
  return { agency, ppk };
}

const oneLine = (value: bigint) => [{ description: "Paket pekerjaan", unit: "ls", quantity: 1, unitPrice: value }];

describe("createPaket", () => {
  it("computes HPS on the server, decides the method by rule and records paket.created", async () => {
    const { agency, ppk } = await ppkOf();
    const items = [
      { description: "Laptop", unit: "unit", quantity: 12, unitPrice: 15_250_000n },
      { description: "Printer", unit: "unit", quantity: 3, unitPrice: 4_100_000n },
    ];
    const created = await createPaket(ppk, paketInput(agency, { items }));
    expect(created).toMatchObject({ hps: 195_300_000n, method: "PENGADAAN_LANGSUNG" });

    const paket = await db.paket.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        hps: true,
        method: true,
        agencyId: true,
        methodRule: { select: { limit: true } },
        hpsItems: { orderBy: { position: "asc" }, select: { quantity: true } },
      },
    });
    expect(paket).toMatchObject({
      hps: 195_300_000n,
      method: "PENGADAAN_LANGSUNG",
      agencyId: agency.id,
      methodRule: { limit: 200_000_000n },
    });
    expect(paket.hpsItems.map((i) => i.quantity)).toEqual([12, 3]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "paket.created", entityId: created.id } });
    expect(event.actorId).toBe(ppk.userId);
    expect(event.data).toMatchObject({
      pagu: "500000000",
      hps: "195300000",
      method: "PENGADAAN_LANGSUNG",
      hpsItems: 2,
    });
  });

  it.each([
    ["BARANG", 200_000_000n, "PENGADAAN_LANGSUNG"],
    ["BARANG", 200_000_001n, "TENDER"],
    ["PEKERJAAN_KONSTRUKSI", 400_000_000n, "PENGADAAN_LANGSUNG"],
    ["PEKERJAAN_KONSTRUKSI", 400_000_001n, "TENDER"],
    ["JASA_KONSULTANSI", 100_000_000n, "PENGADAAN_LANGSUNG"],
    ["JASA_KONSULTANSI", 100_000_001n, "SELEKSI"],
    ["JASA_LAINNYA", 200_000_000n, "PENGADAAN_LANGSUNG"],
    ["JASA_LAINNYA", 200_000_001n, "TENDER"],
  ] as const)("%s with HPS Rp%s lands on %s", async (category, value, method) => {
    const { agency, ppk } = await ppkOf();
    const { id } = await createPaket(ppk, paketInput(agency, { category, pagu: value, items: oneLine(value) }));
    expect((await db.paket.findUniqueOrThrow({ where: { id }, select: { method: true } })).method).toBe(method);
  });

  it("keeps HPS totals beyond 2^53 exact", async () => {
    const { agency, ppk } = await ppkOf();
    // 2^53 + 1 has no exact double; both stay under the rupiah ceiling (decision 0014)
    const pagu = RUPIAH_CEILING;
    const items = [
      { description: "Bendungan", unit: "ls", quantity: 1, unitPrice: 9_007_199_254_740_000n },
      { description: "Pintu air", unit: "ls", quantity: 1, unitPrice: 993n },
    ];
    const { id } = await createPaket(ppk, paketInput(agency, { category: "PEKERJAAN_KONSTRUKSI", pagu, items }));
    expect((await db.paket.findUniqueOrThrow({ where: { id } })).hps).toBe(9_007_199_254_740_993n);
  });

  it("accepts HPS equal to pagu and refuses one rupiah over, on the hps field, creating nothing", async () => {
    const { agency, ppk } = await ppkOf();
    await expect(
      createPaket(ppk, paketInput(agency, { pagu: 300_000_000n, items: oneLine(300_000_000n) })),
    ).resolves.toBeDefined();
    await expect(
      createPaket(ppk, paketInput(agency, { pagu: 300_000_000n, items: oneLine(300_000_001n) })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "paketHpsOverPagu",
      fieldErrors: { hps: [expect.stringContaining("melebihi pagu Rp300.000.000")] },
    });
    expect(await db.paket.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "paket.created" } })).toBe(1);
  });

  it("refuses pagu 0, volume 0 and a negative unit price even when called without the form", async () => {
    const { agency, ppk } = await ppkOf();
    const bad = paketInput(agency, {
      pagu: 0n,
      items: [{ description: "Kertas", unit: "rim", quantity: 0, unitPrice: -1n }],
    });
    const error = await createPaket(ppk, bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "items.0.quantity",
      "items.0.unitPrice",
      "pagu",
    ]);
    expect(await db.paket.count()).toBe(0);
  });

  it("refuses a RUP code already used in the agency (CONFLICT) but not in another agency", async () => {
    const { agency, ppk } = await ppkOf();
    await createPaket(ppk, paketInput(agency, { rupCode: "46120451" }));
    await expect(createPaket(ppk, paketInput(agency, { rupCode: "46120451" }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { rupCode: [expect.any(String)] },
    });
    const other = await ppkOf();
    await expect(createPaket(other.ppk, paketInput(other.agency, { rupCode: "46120451" }))).resolves.toBeDefined();
  });

  it("refuses a work unit of another agency", async () => {
    const { agency, ppk } = await ppkOf();
    const other = await makeAgency();
    await expect(createPaket(ppk, paketInput(agency, { workUnitId: other.workUnits[0]!.id }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { workUnitId: [expect.any(String)] },
    });
    expect(await db.paket.count()).toBe(0);
  });

  it("refuses a Pokja member (FORBIDDEN) and a PPK placing a paket in another agency", async () => {
    const { agency } = await ppkOf();
    const pokja = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    await expect(createPaket(pokja, paketInput(agency))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await ppkOf();
    await expect(createPaket(outsider.ppk, paketInput(agency))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.paket.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
