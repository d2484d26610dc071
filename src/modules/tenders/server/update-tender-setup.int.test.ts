import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePokja, makePokjaTender, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { updateTenderSetup } from "./update-tender-setup";

const input = (tenderId: string) => ({
  tenderId,
  qualification: "Memiliki NIB sesuai KBLI 42101; pengalaman sejenis 4 tahun terakhir.",
  evaluationMethod: "SISTEM_NILAI" as const,
  technicalWeight: 70,
  priceWeight: 30,
  bidSecurityAmount: null,
});

const setupOf = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: {
      qualification: true,
      evaluationMethod: true,
      technicalWeight: true,
      priceWeight: true,
      bidSecurityAmount: true,
    },
  });

describe("updateTenderSetup", () => {
  it("saves the set-up of a draft and records who did it", async () => {
    const { pokja, tender } = await makePokjaTender();
    await updateTenderSetup(pokja, input(tender.id));
    expect(await setupOf(tender.id)).toMatchObject({
      evaluationMethod: "SISTEM_NILAI",
      technicalWeight: 70,
      priceWeight: 30,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.setupUpdated", entityId: tender.id },
    });
    expect(audit.actorId).toBe(pokja.userId);
  });

  it("drops the weights when the method is not sistem nilai", async () => {
    const { pokja, tender } = await makePokjaTender();
    await updateTenderSetup(pokja, { ...input(tender.id), evaluationMethod: "HARGA_TERENDAH" });
    expect(await setupOf(tender.id)).toMatchObject({
      evaluationMethod: "HARGA_TERENDAH",
      technicalWeight: null,
      priceWeight: null,
    });
  });

  it("refuses weights that do not make 100 and a bid security outside 1-3% of HPS, changing nothing", async () => {
    const { pokja, tender } = await makePokjaTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 20_000_000_000n });
    const before = await setupOf(tender.id);
    await expect(
      updateTenderSetup(pokja, { ...input(tender.id), priceWeight: 31, bidSecurityAmount: 600_000_001n }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { technicalWeight: ["weightsNotHundred"], bidSecurityAmount: ["bidSecurityOutOfRange"] },
    });
    expect(await setupOf(tender.id)).toEqual(before);
    await updateTenderSetup(pokja, { ...input(tender.id), bidSecurityAmount: 600_000_000n });
    expect((await setupOf(tender.id)).bidSecurityAmount).toBe(600_000_000n);
  });

  it("refuses a bid security where the rule asks none (construction at exactly Rp10 miliar)", async () => {
    const { pokja, tender } = await makePokjaTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 10_000_000_000n });
    await expect(
      updateTenderSetup(pokja, { ...input(tender.id), bidSecurityAmount: 100_000_000n }),
    ).rejects.toMatchObject({
      fieldErrors: { bidSecurityAmount: ["bidSecurityNotApplicable"] },
    });
  });

  it("hides the tender from a PPK, a Pokja of another agency and a Pokja member of another committee", async () => {
    const { agency, ppk, tender } = await makePokjaTender();
    const otherAgency = await makeAgency();
    const elsewhere = await makeUser([{ role: "POKJA", agencyId: otherAgency.id }]);
    const sameAgencyOtherPokja = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await makePokja(agency, [sameAgencyOtherPokja.id]);
    // on this tender's Pokja, but holding the POKJA role only in another agency
    const seatWithoutRole = await makeUser([{ role: "POKJA", agencyId: otherAgency.id }]);
    await db.pokjaMember.create({ data: { pokjaId: tender.pokjaId!, userId: seatWithoutRole.id } });
    for (const actor of [ppk, actorFor(elsewhere), actorFor(sameAgencyOtherPokja), actorFor(seatWithoutRole)]) {
      await expect(updateTenderSetup(actor, input(tender.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await setupOf(tender.id)).qualification).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "tender.setupUpdated" } })).toBe(0);
  });

  it("refuses once the tender is announced", async () => {
    const { pokja, tender } = await makePokjaTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await expect(updateTenderSetup(pokja, input(tender.id))).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderSetupLocked",
    });
    expect((await setupOf(tender.id)).qualification).toBeNull();
  });
});
