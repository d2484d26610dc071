import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makePaket, makeUser, paketInput, seedReference } from "@/tests/factories";
import { db } from "@/server/db";
import { addMethodRule } from "./add-method-rule";
import { createPaket } from "./create-paket";
import { findMethodRules } from "./find-method-rules";
import { updatePaket } from "./update-paket";

const wib = (day: string) => new Date(`${day}T00:00:00+07:00`);
const rule = {
  category: "BARANG" as const,
  effectiveFrom: wib("2026-01-01"),
  limit: 300_000_000n,
  legalBasis: "Perpres 99/2025 (uji)",
};

describe("addMethodRule", () => {
  it("adds a row for ADMIN_LPSE with the methods of its category and records methodRule.added", async () => {
    await seedReference();
    const admin = await makeActor("ADMIN_LPSE");
    const { id } = await addMethodRule(admin, { ...rule, category: "JASA_KONSULTANSI" });
    expect(await db.methodRule.findUniqueOrThrow({ where: { id } })).toMatchObject({
      method: "PENGADAAN_LANGSUNG",
      methodAbove: "SELEKSI",
      limit: 300_000_000n,
      createdById: admin.userId,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "methodRule.added", entityId: id } });
    expect(event.data).toMatchObject({
      limit: "300000000",
      legalBasis: "Perpres 99/2025 (uji)",
      category: "JASA_KONSULTANSI",
    });
    expect((await findMethodRules(admin)).rows.some((r) => r.id === id)).toBe(true);
  });

  it("refuses every other role, changing nothing", async () => {
    await seedReference();
    const agency = await makeAgency();
    for (const actor of [
      await makeActor("PPK", agency.id),
      await makeActor("ADMIN_AGENCY", agency.id),
      await makeActor("AUDITOR"),
    ]) {
      await expect(addMethodRule(actor, rule)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.methodRule.count({ where: { legalBasis: rule.legalBasis } })).toBe(0);
    await expect(findMethodRules(await makeActor("PPK", agency.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a second row for the same category and date (CONFLICT), a zero limit and an empty legal basis", async () => {
    await seedReference();
    const admin = await makeActor("ADMIN_LPSE");
    await addMethodRule(admin, rule);
    await expect(addMethodRule(admin, { ...rule, limit: 350_000_000n })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addMethodRule(admin, { ...rule, effectiveFrom: wib("2026-02-01"), limit: 0n })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { limit: [expect.any(String)] },
    });
    await expect(
      addMethodRule(admin, { ...rule, effectiveFrom: wib("2026-02-01"), legalBasis: "  " }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { legalBasis: [expect.any(String)] } });
    await expect(addMethodRule(admin, { ...rule, effectiveFrom: new Date("x") })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await db.auditEvent.count({ where: { action: "methodRule.added" } })).toBe(1);
  });

  it("changes the decision for pakets dated on or after its effectiveFrom, not for older ones", async () => {
    await seedReference();
    const agency = await makeAgency();
    const ppkUser = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const ppk = actorFor(ppkUser);
    await addMethodRule(await makeActor("ADMIN_LPSE"), rule);

    const older = await makePaket(agency, ppkUser.id, { hps: null });
    const newer = await makePaket(agency, ppkUser.id, { hps: null });
    await db.paket.update({ where: { id: older.id }, data: { createdAt: new Date(rule.effectiveFrom.getTime() - 1) } });
    await db.paket.update({ where: { id: newer.id }, data: { createdAt: rule.effectiveFrom } });

    const items = [{ description: "Meubelair sekolah", unit: "paket", quantity: 1, unitPrice: 250_000_000n }];
    for (const paket of [older, newer]) {
      await updatePaket(ppk, { ...paketInput(agency, { items }), rupCode: paket.rupCode, paketId: paket.id });
    }
    const method = async (id: string) =>
      await db.paket.findUniqueOrThrow({
        where: { id },
        select: { method: true, methodRule: { select: { legalBasis: true } } },
      });
    expect(await method(older.id)).toMatchObject({
      method: "TENDER",
      methodRule: { legalBasis: expect.stringMatching(/Perpres 16\/2018/) },
    });
    expect(await method(newer.id)).toMatchObject({
      method: "PENGADAAN_LANGSUNG",
      methodRule: { legalBasis: rule.legalBasis },
    });

    // A paket created today (after 2026-01-01) follows the new row too.
    const today = await createPaket(ppk, paketInput(agency, { items }));
    expect(today.method).toBe("PENGADAAN_LANGSUNG");
  });
});
