import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser, paketInput, seedReference } from "@/tests/factories";
import type { Actor } from "@/modules/auth/domain/permissions";
import { db } from "@/server/db";
import type { PaketInput } from "../paket.schemas";
import { createPaket } from "./create-paket";
import { updatePaket } from "./update-paket";

async function draftPaket() {
  await seedReference();
  const agency = await makeAgency();
  const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
  const input = paketInput(agency);
  const { id } = await createPaket(ppk, input);
  return { agency, ppk, input, id };
}

const snapshot = (id: string) =>
  db.paket.findUniqueOrThrow({
    where: { id },
    select: { name: true, pagu: true, hps: true, method: true, status: true, updatedAt: true },
  });
const updatesOf = (id: string) => db.auditEvent.count({ where: { action: "paket.updated", entityId: id } });

describe("updatePaket", () => {
  it("saves the change, decides the method again and audits only the changed fields", async () => {
    const { ppk, input, id } = await draftPaket();
    const items = [{ description: "Laptop", unit: "unit", quantity: 20, unitPrice: 15_000_000n }];
    const result = await updatePaket(ppk, { ...input, paketId: id, name: "Pengadaan Laptop Sekolah", items });
    expect(result.changed.sort()).toEqual(["hps", "hpsItems", "method", "name"]);
    expect(await snapshot(id)).toMatchObject({ name: "Pengadaan Laptop Sekolah", hps: 300_000_000n, method: "TENDER" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "paket.updated", entityId: id } });
    expect(event.data).toMatchObject({
      changes: {
        hps: { from: "150000000", to: "300000000" },
        method: { from: "PENGADAAN_LANGSUNG", to: "TENDER" },
        hpsItems: { from: 1, to: 1 },
      },
    });
    expect(Object.keys((event.data as { changes: object }).changes)).not.toContain("pagu");
    expect(await db.hpsItem.findMany({ where: { paketId: id }, select: { quantity: true } })).toEqual([
      { quantity: 20 },
    ]);
  });

  it("writes nothing when nothing changed", async () => {
    const { ppk, input, id } = await draftPaket();
    await expect(updatePaket(ppk, { ...input, paketId: id })).resolves.toEqual({ changed: [] });
    expect(await updatesOf(id)).toBe(0);
  });

  it("refuses a Pokja member (FORBIDDEN) and a PPK of another agency (NOT_FOUND), changing nothing", async () => {
    const { agency, input, id } = await draftPaket();
    const before = await snapshot(id);
    const pokja = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const other = await makeAgency();
    const stranger = actorFor(await makeUser([{ role: "PPK", agencyId: other.id }]));
    const change: PaketInput & { paketId: string } = { ...input, paketId: id, pagu: 900_000_000n };
    await expect(updatePaket(pokja, change)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePaket(stranger, { ...change, workUnitId: other.workUnits[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot(id)).toEqual(before);
    expect(await updatesOf(id)).toBe(0);
  });

  it("refuses changes once the paket is in selection (INVALID_STATE)", async () => {
    const { ppk, input, id } = await draftPaket();
    await db.paket.update({ where: { id }, data: { status: "IN_SELECTION" } });
    await expect(updatePaket(ppk, { ...input, paketId: id, name: "Diubah setelah diumumkan" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "paketLocked",
    });
    expect((await snapshot(id)).name).toBe(input.name);
  });

  it("allows edits after the hand-over, but not one that changes the method", async () => {
    const { ppk, input, id } = await draftPaket();
    await db.paket.update({ where: { id }, data: { status: "HANDED_OVER" } });
    await expect(updatePaket(ppk, { ...input, paketId: id, location: "Kecamatan Uji" })).resolves.toEqual({
      changed: ["location"],
    });
    const overLimit = [{ description: "Laptop", unit: "unit", quantity: 20, unitPrice: 15_000_000n }];
    await expect(updatePaket(ppk, { ...input, paketId: id, items: overLimit })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "paketMethodChangeAfterHandOver",
    });
    expect((await snapshot(id)).hps).toBe(150_000_000n);
  });

  it("refuses HPS over pagu and a RUP code taken by another paket", async () => {
    const { agency, ppk, input, id } = await draftPaket();
    await expect(updatePaket(ppk, { ...input, paketId: id, pagu: 149_999_999n })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { hps: [expect.stringMatching(/melebihi pagu/)] },
    });
    const second = await createPaket(ppk, paketInput(agency));
    await expect(updatePaket(ppk as Actor, { ...input, paketId: second.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await snapshot(id)).toMatchObject({ pagu: 500_000_000n });
  });
});
