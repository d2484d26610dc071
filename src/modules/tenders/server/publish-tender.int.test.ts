import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePokjaTender, makeUser, PDF_BYTES } from "@/tests/factories";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { db, dbNow } from "@/server/db";
import { buildDefaultSchedule } from "../domain/schedule";
import { publishTender } from "./publish-tender";
import { setTenderSchedule } from "./set-tender-schedule";
import { procedureStages } from "./tender-stages";
import { updateTenderSetup } from "./update-tender-setup";

type Ctx = Awaited<ReturnType<typeof makePokjaTender>>;

/** Everything a tender needs before it can be announced, the first stage an hour ahead. */
async function prepare({ pokja, tender, paket }: Ctx) {
  await uploadDocument(pokja, {
    target: { tenderId: tender.id },
    kind: "DOKUMEN_PEMILIHAN",
    fileName: "Dokumen Pemilihan.pdf",
    body: Readable.from([PDF_BYTES]),
  });
  await db.document.create({
    data: {
      kind: "KAK",
      fileName: "kak.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1n,
      sha256: "x",
      storageKey: `k-${paket.id}`,
      paketId: paket.id,
    },
  });
  await updateTenderSetup(pokja, {
    tenderId: tender.id,
    qualification: "Memiliki NIB sesuai KBLI.",
    evaluationMethod: "HARGA_TERENDAH",
    technicalWeight: null,
    priceWeight: null,
    bidSecurityAmount: null,
  });
  const procedure = await db.procedureConfig.findUniqueOrThrow({ where: { id: tender.procedureId } });
  const windows = buildDefaultSchedule(
    procedureStages(procedure.stages),
    new Date((await dbNow()).getTime() + 3_600_000),
  );
  await setTenderSchedule(pokja, { tenderId: tender.id, stages: windows });
  return windows;
}

describe("publishTender", () => {
  it("announces a complete tender: status, paket, public documents, worker's next look, audit", async () => {
    const ctx = await makePokjaTender();
    const windows = await prepare(ctx);
    const before = await dbNow();
    await publishTender(ctx.pokja, { tenderId: ctx.tender.id });
    const tender = await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } });
    expect(tender.status).toBe("PUBLISHED");
    expect(tender.publishedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(tender.currentStage).toBeNull();
    expect(tender.nextCheckAt).toEqual(windows[0]!.startsAt);
    expect((await db.paket.findUniqueOrThrow({ where: { id: ctx.paket.id } })).status).toBe("IN_SELECTION");
    expect(await db.document.findMany({ select: { isPublic: true } })).toEqual([
      { isPublic: true },
      { isPublic: true },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.published", entityId: tender.id } });
    expect(audit.actorId).toBe(ctx.pokja.userId);
    // bids can be sealed from now on: an opening key split 2 of 3 among the Pokja
    expect(await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: tender.id } })).toMatchObject({
      threshold: 2,
    });
    expect(await db.tenderKeyShare.count({ where: { tenderId: tender.id } })).toBe(3);
  });

  it("refuses while a Pokja member has no opening passphrase, and changes nothing", async () => {
    const ctx = await makePokjaTender();
    await prepare(ctx);
    const [, second] = await db.pokjaMember.findMany({
      where: { pokjaId: ctx.pokjaRow.id },
      orderBy: { userId: "asc" },
    });
    await db.userOpeningKey.delete({ where: { userId: second!.userId } });
    await expect(publishTender(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "openingKeyMissing",
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } })).status).toBe("DRAFT");
    expect(await db.tenderOpeningKey.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.published" } })).toBe(0);
  });

  it("lists everything missing and changes nothing", async () => {
    const ctx = await makePokjaTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 12_000_000_000n });
    await expect(publishTender(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "publishIncomplete",
      values: { count: 5 },
      fieldErrors: {
        document: ["noSelectionDocument"],
        qualification: ["noQualification"],
        evaluationMethod: ["noEvaluationMethod"],
        bidSecurityAmount: ["bidSecurityMissing"],
        schedule: ["scheduleMissing"],
      },
    });
    expect((await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } })).status).toBe("DRAFT");
    expect(await db.auditEvent.count({ where: { action: "tender.published" } })).toBe(0);
  });

  it("refuses a schedule whose first stage has passed by the database clock", async () => {
    const ctx = await makePokjaTender();
    await prepare(ctx);
    const first = await db.tenderStage.findFirstOrThrow({ where: { tenderId: ctx.tender.id, position: 0 } });
    await db.tenderStage.update({
      where: { id: first.id },
      data: { startsAt: new Date((await dbNow()).getTime() - 1000) },
    });
    await expect(publishTender(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      fieldErrors: { "schedule.PENGUMUMAN": ["scheduleStartsInPast"] },
    });
  });

  it("refuses to publish twice", async () => {
    const ctx = await makePokjaTender();
    await prepare(ctx);
    await publishTender(ctx.pokja, { tenderId: ctx.tender.id });
    await expect(publishTender(ctx.pokja, { tenderId: ctx.tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderAlreadyPublished",
    });
    expect(await db.auditEvent.count({ where: { action: "tender.published" } })).toBe(1);
  });

  it("refuses a PPK and a Pokja of another agency", async () => {
    const ctx = await makePokjaTender();
    await prepare(ctx);
    const other = actorFor(await makeUser([{ role: "POKJA", agencyId: (await makeAgency()).id }]));
    for (const actor of [ctx.ppk, other]) {
      await expect(publishTender(actor, { tenderId: ctx.tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await db.tender.findUniqueOrThrow({ where: { id: ctx.tender.id } })).status).toBe("DRAFT");
  });
});
