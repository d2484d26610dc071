import { describe, expect, it } from "vitest";
import { requestPenunjukanLangsung } from "@/modules/failure/server/request-penunjukan-langsung";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { concludePrequalification } from "./conclude-prequalification";

const REASON = "Setelah prakualifikasi ulang hanya satu peserta yang lulus.";

/** A seleksi in its repeated round, decided with the given passes. */
async function failedAfterRepeat(passes: boolean[]) {
  const made = await makeSeleksiTender({ shiftHours: -30 });
  await db.tender.update({ where: { id: made.tender.id }, data: { prequalificationRound: 2 } });
  const apps = [];
  for (const passed of passes)
    apps.push(
      await makeApplication(made.tender.id, {
        round: 2,
        decision: { passed, score: 70, decidedById: made.pokja.userId },
      }),
    );
  await concludePrequalification(made.pokja, { tenderId: made.tender.id, reason: REASON });
  return { ...made, apps };
}

describe("penunjukan langsung after a seleksi failed in prakualifikasi (failure module, extended by flags)", () => {
  it("may be asked for the one passing firm, and for no other", async () => {
    const { tender, pokja, apps } = await failedAfterRepeat([true, false]);
    await expect(
      requestPenunjukanLangsung(pokja, { tenderId: tender.id, justification: REASON, vendorId: apps[1]!.vendor.id }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "plOnlyPassingFirm" });
    const request = await requestPenunjukanLangsung(pokja, {
      tenderId: tender.id,
      justification: REASON,
      vendorId: apps[0]!.vendor.id,
    });
    expect(await db.penunjukanLangsung.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      vendorId: apps[0]!.vendor.id,
      failedTenderId: tender.id,
    });
  });

  it("is refused when nobody passed (a seleksi failed in prakualifikasi is no failed tender ulang)", async () => {
    const { tender, pokja, apps } = await failedAfterRepeat([false]);
    await expect(
      requestPenunjukanLangsung(pokja, { tenderId: tender.id, justification: REASON, vendorId: apps[0]!.vendor.id }),
    ).rejects.toMatchObject({ messageKey: "plNeedsFailedRetender" });
  });
});
