import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeScheduledTender, makeUser } from "../../../../tests/factories";
import { db } from "@/server/db";
import { getAnnouncement } from "./get-announcement";

const HOUR = 3_600_000;

const document = (target: { tenderId?: string; paketId?: string }, fileName: string, isPublic: boolean) =>
  db.document.create({
    data: {
      ...target,
      kind: "DOKUMEN_PEMILIHAN",
      fileName,
      mimeType: "application/pdf",
      sizeBytes: 2048n,
      sha256: "ab".repeat(32),
      storageKey: `uji/${randomUUID()}`,
      isPublic,
    },
  });

describe("getAnnouncement", () => {
  it("is NOT_FOUND for an unknown code and for a draft", async () => {
    const { tender } = await makeScheduledTender({ status: "DRAFT" });
    await expect(getAnnouncement("T-TIDAK-ADA")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAnnouncement(tender.code)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("marks the stage running by the database clock and shows every stage in order", async () => {
    const { tender } = await makeScheduledTender({
      timeZone: "Asia/Jayapura",
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 24],
        ["PEMBUKAAN", 24, 26],
      ],
    });
    const announcement = await getAnnouncement(tender.code);
    expect(announcement.currentStage).toBe("UPLOAD_PENAWARAN");
    expect(announcement.timeZone).toBe("Asia/Jayapura");
    expect(announcement.stages.map((s) => [s.kind, s.isCurrent])).toEqual([
      ["PENGUMUMAN", false],
      ["UPLOAD_PENAWARAN", true],
      ["PEMBUKAAN", false],
    ]);
  });

  it("shows no stage but the reason for a failed tender", async () => {
    const { tender } = await makeScheduledTender({ status: "FAILED", stages: [["EVALUASI", -1, 24]] });
    await db.tender.update({
      where: { id: tender.id },
      data: { endReason: "Tidak ada penawaran yang lulus evaluasi." },
    });
    const announcement = await getAnnouncement(tender.code);
    expect([announcement.isEnded, announcement.currentStage, announcement.endReason]).toEqual([
      true,
      null,
      "Tidak ada penawaran yang lulus evaluasi.",
    ]);
  });

  it("lists schedule changes newest first with their reasons", async () => {
    const { tender, now, agency } = await makeScheduledTender({
      stages: [
        ["PENGUMUMAN", -1, 24],
        ["UPLOAD_PENAWARAN", 24, 48],
      ],
    });
    const upload = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
    const pokja = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const change = (hoursAgo: number, reason: string, newEnd: number) =>
      db.scheduleChange.create({
        data: {
          tenderId: tender.id,
          stageId: upload.id,
          oldStartsAt: at(24),
          oldEndsAt: at(48),
          newStartsAt: at(24),
          newEndsAt: at(newEnd),
          reason,
          changedById: pokja.id,
          changedAt: at(-hoursAgo),
        },
      });
    await change(5, "Adendum spesifikasi teknis", 60);
    await change(1, "Gangguan server LPSE selama 3 jam", 63);
    const { scheduleChanges } = await getAnnouncement(tender.code);
    expect(scheduleChanges.map((c) => [c.stageKind, c.reason, c.newEndsAt])).toEqual([
      ["UPLOAD_PENAWARAN", "Gangguan server LPSE selama 3 jam", at(63)],
      ["UPLOAD_PENAWARAN", "Adendum spesifikasi teknis", at(60)],
    ]);
    expect(scheduleChanges[0]!.oldEndsAt).toEqual(at(48));
  });

  it("lists public documents of the tender and its paket, never the others", async () => {
    const { tender, paket } = await makeScheduledTender();
    const tenderDoc = await document({ tenderId: tender.id }, "dokumen-pemilihan.pdf", true);
    const paketDoc = await document({ paketId: paket.id }, "kak.pdf", true);
    await document({ tenderId: tender.id }, "draf-internal.pdf", false);
    await document({ paketId: paket.id }, "hps-rinci.xlsx", false);
    const { documents } = await getAnnouncement(tender.code);
    expect(documents.map((d) => d.id)).toEqual([tenderDoc.id, paketDoc.id]);
    expect(documents[0]).toEqual({
      id: tenderDoc.id,
      kind: "DOKUMEN_PEMILIHAN",
      fileName: "dokumen-pemilihan.pdf",
      sizeBytes: 2048n,
      sha256: "ab".repeat(32),
    });
  });

  it("returns the HPS total and never its breakdown", async () => {
    const { tender, paket } = await makeScheduledTender({ paket: { hps: 150_000_000n } });
    await db.hpsItem.create({
      data: {
        paketId: paket.id,
        position: 1,
        description: "Laptop rahasia",
        unit: "unit",
        quantity: 7,
        unitPrice: 12_345_678n,
      },
    });
    const announcement = await getAnnouncement(tender.code);
    expect(announcement.hps).toBe(150_000_000n);
    expect(Object.keys(announcement).sort()).toEqual(
      [
        "agencyName",
        "bidParts",
        "bidSecurityAmount",
        "category",
        "code",
        "currentStage",
        "documents",
        "endReason",
        "endedAt",
        "evaluationMethod",
        "fiscalYear",
        "fundingSource",
        "hps",
        "id",
        "isEnded",
        "location",
        "method",
        "pagu",
        "paketName",
        "publishedAt",
        "qualification",
        "qualificationRequirements",
        "requiredKbli",
        "requiredPermits",
        "rupCode",
        "scheduleChanges",
        "stages",
        "status",
        "timeZone",
        "transfer",
        "workUnitName",
      ].sort(),
    );
    const text = JSON.stringify(announcement, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    expect(text).not.toContain("Laptop rahasia");
    expect(text).not.toContain("12345678");
  });

  it("lists a Tender Cepat's requirements, checked against the verified profile", async () => {
    const { tender } = await makeScheduledTender({ method: "TENDER_CEPAT" });
    await db.tender.update({ where: { id: tender.id }, data: { requiredKbli: ["46693"], requiredPermits: ["SBU"] } });
    expect(await getAnnouncement(tender.code)).toMatchObject({
      method: "TENDER_CEPAT",
      requiredKbli: ["46693"],
      requiredPermits: ["SBU"],
    });
  });

  it("lists the structured requirements and the bid's parts, with the bid security document when asked", async () => {
    const { tender } = await makeScheduledTender();
    const requirements = {
      version: 1,
      permits: [{ kind: "SBU", kbli: ["41011"] }],
      experience: { minCount: 2, minValue: "1000000000", withinYears: 4 },
      staff: [],
      equipment: [{ name: "Excavator", minCount: 1 }],
      financial: null,
    };
    await db.tender.update({ where: { id: tender.id }, data: { qualificationRequirements: requirements } });
    expect(await getAnnouncement(tender.code)).toMatchObject({
      qualificationRequirements: requirements,
      // none chosen: the procedure's parts
      bidParts: ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"],
    });
    await db.tender.update({
      where: { id: tender.id },
      data: { bidParts: ["HARGA"], bidSecurityAmount: 1_000_000n, qualificationRequirements: { version: 9 } },
    });
    // what does not read as the shape is not shown
    expect(await getAnnouncement(tender.code)).toMatchObject({
      qualificationRequirements: null,
      bidParts: ["HARGA", "JAMINAN_PENAWARAN"],
    });
  });
});
