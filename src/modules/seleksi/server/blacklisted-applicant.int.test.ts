import { describe, expect, it } from "vitest";
import { blacklistVendor as blacklist } from "@/tests/factories/blacklist";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { concludePrequalification } from "./conclude-prequalification";
import { decidePrequalification } from "./decide-prequalification";

/**
 * Attack (issue 15): a consultant applies cleanly, then is put on the daftar hitam before the
 * Pokja ends the round. The shortlist is a choice of firms (Perpres 16/2018 Pasal 78 ayat (5):
 * a blacklisted company takes no part for the sanction's period): it may neither be passed
 * nor put on the shortlist, and the refusal names the decree.
 */
describe("a blacklisted applicant in prakualifikasi", () => {
  it("is not passed by a decision nor shortlisted by the round's end; nothing is written", async () => {
    const made = await makeSeleksiTender({ shiftHours: -30 });
    const decision = { passed: true, score: 80, decidedById: made.pokja.userId };
    const apps = [];
    for (let i = 0; i < 3; i++) apps.push(await makeApplication(made.tender.id, { decision }));
    const fresh = await makeApplication(made.tender.id);
    await blacklist(apps[0]!.vendor);
    await blacklist(fresh.vendor);

    await expect(
      decidePrequalification(made.pokja, {
        applicationId: fresh.application.id,
        passed: true,
        score: 90,
        reason: "Memenuhi seluruh persyaratan kualifikasi.",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "blacklistedCannotBeChosen" });
    // failing it is the Pokja's way out, and allowed
    await decidePrequalification(made.pokja, {
      applicationId: fresh.application.id,
      passed: false,
      score: 0,
      reason: "Masuk daftar hitam SK/DH/015/2026.",
    });

    // the one passed before its entry: the round does not end with it on the shortlist
    await expect(concludePrequalification(made.pokja, { tenderId: made.tender.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "blacklistedCannotBeChosen",
    });
    expect(await db.prequalificationApplication.count({ where: { tenderId: made.tender.id, shortlisted: true } })).toBe(
      0,
    );
    expect((await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).shortlistAnnouncedAt).toBeNull();
  });
});
