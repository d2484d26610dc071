import { describe, expect, it } from "vitest";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { findPublicShortlist } from "./find-public-shortlist";
import { getPokjaPrequalification } from "./get-pokja-prequalification";
import { getVendorPrequalification } from "./get-vendor-prequalification";

const REQUIREMENTS = {
  version: 1,
  permits: [{ kind: "SBU", kbli: [] }],
  experience: null,
  staff: [],
  equipment: [],
  financial: null,
};

describe("the prakualifikasi pages' reads", () => {
  it("the Pokja sees no form while PRAKUALIFIKASI runs, and each requirement beside the answer after", async () => {
    for (const [shiftHours, readable] of [
      [0, false],
      [-30, true],
    ] as const) {
      const { tender, pokja } = await makeSeleksiTender({ shiftHours });
      await db.tender.update({ where: { id: tender.id }, data: { qualificationRequirements: REQUIREMENTS } });
      await makeApplication(tender.id);
      const view = await getPokjaPrequalification(pokja, tender.id);
      expect(view.formsReadable).toBe(readable);
      expect(view.applications).toHaveLength(1);
      if (readable)
        expect(view.applications[0]!.assessment).toEqual([expect.objectContaining({ group: "permit", met: false })]);
      else expect(view.applications[0]!.assessment).toBeNull();
    }
  });

  it("a member of another Pokja reads nothing; a vendor sees only its own result, once announced", async () => {
    const { tender, outsider, pokja } = await makeSeleksiTender({ shiftHours: -50 });
    await expect(getPokjaPrequalification(outsider, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await makeApplication(tender.id, {
      decision: { passed: true, score: 90, decidedById: pokja.userId },
      shortlisted: true,
    });
    const before = await getVendorPrequalification(listed.penyedia, tender.id);
    expect(before.application?.result).toBeNull();
    expect(await findPublicShortlist(tender.id)).toMatchObject({ announcedAt: null, firms: [] });
    await db.tender.update({ where: { id: tender.id }, data: { shortlistAnnouncedAt: new Date() } });
    const after = await getVendorPrequalification(listed.penyedia, tender.id);
    expect(after.application?.result).toMatchObject({ shortlisted: true });
    expect(after.canFileSanggah).toBe(true);
    expect(await findPublicShortlist(tender.id)).toMatchObject({ firms: [listed.vendor.name] });
  });
});
