import { describe, expect, it } from "vitest";
import { loadBidder } from "@/modules/bids/server/bidder-context";
import { registerForTender } from "@/modules/participation/server/register-for-tender";
import { askQuestion } from "@/modules/questions/server/ask-question";
import { makeApplication, makeConsultant, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";

const INVITATION = -100;
const PENJELASAN = -130;

/** A seleksi whose shortlist was announced: `listed` on it, `passedOver` applied but not listed. */
async function announcedSeleksi(shiftHours: number) {
  const made = await makeSeleksiTender({ shiftHours });
  const decision = { passed: true, score: 80, decidedById: made.pokja.userId };
  const listed = await makeApplication(made.tender.id, { decision, shortlisted: true });
  const passedOver = await makeApplication(made.tender.id, { decision: { ...decision, passed: false } });
  await db.tender.update({ where: { id: made.tender.id }, data: { shortlistAnnouncedAt: new Date() } });
  return { ...made, listed, passedOver };
}

describe("the shortlist gate (assertMayBid) where a vendor registers, asks and bids", () => {
  it("refuses a firm that never applied from registering, and lets the shortlisted one through", async () => {
    const { tender, listed } = await announcedSeleksi(INVITATION);
    const stranger = await makeConsultant();
    await expect(registerForTender(stranger.penyedia, { tenderId: tender.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "seleksi.notShortlisted",
    });
    expect(await db.tenderParticipant.count({ where: { tenderId: tender.id, vendorId: stranger.vendor.id } })).toBe(0);
    // registered when it applied: registering again returns that registration
    await expect(registerForTender(listed.penyedia, { tenderId: tender.id })).resolves.toMatchObject({ isNew: false });
  });

  it("refuses a registered applicant not on the shortlist from asking in pemberian penjelasan", async () => {
    const { tender, listed, passedOver } = await announcedSeleksi(PENJELASAN);
    const body = "Apakah tenaga ahli boleh berasal dari luar provinsi?";
    await expect(askQuestion(passedOver.penyedia, { tenderId: tender.id, body })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "seleksi.notShortlisted",
    });
    await expect(askQuestion(listed.penyedia, { tenderId: tender.id, body })).resolves.toHaveProperty("id");
    expect(await db.question.count({ where: { tenderId: tender.id } })).toBe(1);
  });

  it("refuses a registered applicant not on the shortlist from every bid use case (they all load the bidder)", async () => {
    const { tender, listed, passedOver } = await announcedSeleksi(INVITATION);
    await expect(loadBidder(db, passedOver.penyedia, tender.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "seleksi.notShortlisted",
    });
    await expect(loadBidder(db, listed.penyedia, tender.id)).resolves.toMatchObject({
      vendor: { id: listed.vendor.id },
    });
  });

  it("after a repeat, the shortlist of round 1 no longer admits anyone", async () => {
    const { tender, listed } = await announcedSeleksi(INVITATION);
    await db.tender.update({ where: { id: tender.id }, data: { prequalificationRound: 2 } });
    await expect(loadBidder(db, listed.penyedia, tender.id)).rejects.toMatchObject({
      messageKey: "seleksi.notShortlisted",
    });
  });
});
