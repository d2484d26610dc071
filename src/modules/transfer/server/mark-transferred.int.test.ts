import { describe, expect, it } from "vitest";
import {
  bidPdf,
  makeActor,
  makeBidder,
  makeQaTender,
  makeSealedBidTender,
  registerParticipant,
  stageBidFile,
} from "@/tests/factories";
import { getAnnouncement } from "@/modules/announcement/server/get-announcement";
import { askQuestion } from "@/modules/questions/server/ask-question";
import { answerQuestion } from "@/modules/questions/server/answer-question";
import { changeStageSchedule } from "@/modules/tenders/server/change-stage-schedule";
import { db } from "@/server/db";
import { markTenderTransferred } from "./mark-transferred";

const SHA = "ab".repeat(32);
const HOME = { destinationName: "LPSE Provinsi Lampung", destinationUrl: "https://lpse.lampungprov.go.id/tender/X-1" };

describe("markTenderTransferred", () => {
  it("ends the tender here with its new home, tells the participants and the Pokja, and the public page points there", async () => {
    const { tender, pokja } = await makeQaTender();
    const { users } = await registerParticipant(tender.id);
    const admin = await makeActor("ADMIN_LPSE");

    const result = await markTenderTransferred(admin, {
      code: tender.code,
      ...HOME,
      manifestSha256: SHA.toUpperCase(),
    });

    const row = await db.tender.findUniqueOrThrow({ where: { id: tender.id }, include: { transfer: true } });
    expect(row.status).toBe("TRANSFERRED");
    expect(row.transferredAt).toEqual(result.transferredAt);
    expect(row.nextCheckAt).toBeNull();
    expect(row.transfer).toMatchObject({ ...HOME, manifestSha256: SHA, transferredById: admin.userId });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.transferred", entityId: tender.id },
    });
    expect(event.data).toMatchObject({
      ...HOME,
      manifestSha256: SHA,
      exportRecordedHere: false,
      toStatus: "TRANSFERRED",
    });
    const told = await db.notification.findMany({ where: { kind: "tender.transferred" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([pokja.userId, ...users.map((u) => u.userId)].sort());

    const page = await getAnnouncement(tender.code);
    expect(page.transfer).toMatchObject(HOME);
    expect(page.currentStage).toBeNull();

    // once moved, never again
    await expect(
      markTenderTransferred(admin, { code: tender.code, ...HOME, manifestSha256: SHA }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("after the move refuses a question, the Pokja's answer and a schedule change", async () => {
    const { tender, pokja } = await makeQaTender();
    const { vendor, penyedia } = await registerParticipant(tender.id);
    const question = await db.question.create({
      data: {
        tenderId: tender.id,
        vendorId: vendor.id,
        askedById: penyedia.userId,
        body: "Apakah spesifikasi boleh setara?",
        askedAt: new Date(),
      },
    });
    await markTenderTransferred(await makeActor("ADMIN_LPSE"), { code: tender.code, ...HOME, manifestSha256: SHA });

    await expect(
      askQuestion(penyedia, { tenderId: tender.id, body: "Berapa lama masa pelaksanaan pekerjaan ini?" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      answerQuestion(pokja, { questionId: question.id, body: "Boleh, sepanjang setara dan dibuktikan." }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    await expect(
      changeStageSchedule(pokja, {
        tenderId: tender.id,
        stageId: stage.id,
        startsAt: stage.startsAt,
        endsAt: new Date(stage.endsAt.getTime() + 86_400_000),
        reason: "Perpanjangan karena permintaan peserta",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.question.count({ where: { tenderId: tender.id } })).toBe(1);
    expect(await db.answer.count()).toBe(0);
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("after the move refuses a bid file", async () => {
    const { tender } = await makeSealedBidTender();
    const bidder = await makeBidder(tender.id);
    await markTenderTransferred(await makeActor("ADMIN_LPSE"), { code: tender.code, ...HOME, manifestSha256: SHA });
    await expect(stageBidFile(bidder.actor, tender.id, bidPdf("terlambat"))).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await db.bidFile.count({ where: { tenderId: tender.id } })).toBe(0);
  });

  it("refuses anyone but ADMIN_LPSE, a bad address or hash, and a tender not running, changing nothing", async () => {
    const { tender, pokja } = await makeQaTender();
    await expect(
      markTenderTransferred(pokja, { code: tender.code, ...HOME, manifestSha256: SHA }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = await makeActor("ADMIN_LPSE");
    for (const bad of [
      { destinationUrl: "javascript:alert(1)" },
      { destinationUrl: "ftp://lpse.example.go.id/x" },
      { destinationName: "" },
      { manifestSha256: "abc" },
    ])
      await expect(
        markTenderTransferred(admin, { code: tender.code, ...HOME, manifestSha256: SHA, ...bad }),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      markTenderTransferred(admin, { code: "TIDAK-ADA", ...HOME, manifestSha256: SHA }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).status).toBe("PUBLISHED");
    expect(await db.tenderTransfer.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "tender.transferred" } })).toBe(0);
  });
});
