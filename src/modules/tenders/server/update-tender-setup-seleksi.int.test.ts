import { describe, expect, it } from "vitest";
import { makePokjaTender } from "@/tests/factories";
import { db } from "@/server/db";
import { updateTenderSetup } from "./update-tender-setup";

const input = (tenderId: string) => ({
  tenderId,
  qualification: "Memiliki NIB sesuai KBLI 71102; pengalaman sejenis 4 tahun terakhir.",
  evaluationMethod: "KUALITAS_BIAYA" as const,
  technicalWeight: 80,
  priceWeight: 20,
  bidSecurityAmount: null,
});

const setupOf = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: { evaluationMethod: true, technicalWeight: true, priceWeight: true, technicalPassingGrade: true },
  });

describe("updateTenderSetup: the evaluation method of the procedure", () => {
  it("saves a consultancy method with its weights and the procedure's passing grade, or the Pokja's", async () => {
    const { pokja, tender } = await makePokjaTender({ category: "JASA_KONSULTANSI" });
    await updateTenderSetup(pokja, input(tender.id));
    expect(await setupOf(tender.id)).toEqual({
      evaluationMethod: "KUALITAS_BIAYA",
      technicalWeight: 80,
      priceWeight: 20,
      technicalPassingGrade: 70,
    });
    await updateTenderSetup(pokja, {
      ...input(tender.id),
      evaluationMethod: "KUALITAS",
      technicalPassingGrade: 75,
    });
    expect(await setupOf(tender.id)).toEqual({
      evaluationMethod: "KUALITAS",
      technicalWeight: null,
      priceWeight: null,
      technicalPassingGrade: 75,
    });
  });

  it("refuses a goods method on the two-file seleksi and a consultancy method on a tender, writing nothing", async () => {
    const seleksi = await makePokjaTender({ category: "JASA_KONSULTANSI" });
    await expect(
      updateTenderSetup(seleksi.pokja, { ...input(seleksi.tender.id), evaluationMethod: "SISTEM_NILAI" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { evaluationMethod: ["methodNotForProcedure"] } });
    const tender = await makePokjaTender({ category: "BARANG" });
    await expect(
      updateTenderSetup(tender.pokja, { ...input(tender.tender.id), evaluationMethod: "BIAYA_TERENDAH" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { evaluationMethod: ["methodNotForProcedure"] } });
    expect((await setupOf(tender.tender.id)).evaluationMethod).toBeNull();
    expect((await setupOf(seleksi.tender.id)).evaluationMethod).toBeNull();
  });

  it("asks kualitas dan biaya for weights summing to 100", async () => {
    const { pokja, tender } = await makePokjaTender({ category: "JASA_KONSULTANSI" });
    await expect(
      updateTenderSetup(pokja, { ...input(tender.id), technicalWeight: 80, priceWeight: 30 }),
    ).rejects.toMatchObject({ fieldErrors: { technicalWeight: ["weightsNotHundred"] } });
  });
});
