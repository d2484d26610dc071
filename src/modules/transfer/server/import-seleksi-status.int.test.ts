import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTwoEnvelopeTender } from "@/modules/bids/testing/two-envelopes.fixture";
import { passDeadline } from "@/modules/bids/testing/opening.fixture";
import { applyTenderEvent } from "@/modules/tenders";
import { db } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { becomeAnotherInstance } from "../testing/another-instance";
import { exportTenderToFile } from "./export-tender";
import { importTender } from "./import-tender";
import { storeSource } from "./write-bundle";

/**
 * A seleksi whose bid upload has closed (EVALUATION, not yet opened) moves with its
 * announced shortlist: the import replays the announcement on PUBLISHED (the one writer
 * refuses it later), then the schedule moves it on to EVALUATION, as at the source.
 */
describe("a seleksi moved after its bid deadline", () => {
  it("arrives in EVALUATION with its shortlist announced, the replay audited with the source's instant", async () => {
    const made = await makeTwoEnvelopeTender([640_000_000n]);
    await passDeadline(made.tender.id);
    // the opening stage begins where the upload ended, as a schedule without a gap has it
    const upload = await db.tenderStage.findFirstOrThrow({
      where: { tenderId: made.tender.id, kind: "UPLOAD_PENAWARAN" },
    });
    await db.tenderStage.updateMany({
      where: { tenderId: made.tender.id, kind: "PEMBUKAAN" },
      data: { startsAt: upload.endsAt },
    });
    await db.$transaction((tx) => applyTenderEvent(tx, made.tender.id, { kind: "stageBoundary" }, { actor: null }));
    const source = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    expect(source.status).toBe("EVALUATION");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-seleksi-eval-")), "bundle.tar");
    await exportTenderToFile({ client: db, code: source.code, out: file, source: storeSource(), live: false });
    const fingerprint = (await getInstanceKey()).fingerprint;

    const { agency, admin } = await becomeAnotherInstance();
    await importTender(admin, { bundlePath: file, agencyId: agency.id, expectedFingerprint: fingerprint });
    const tender = await db.tender.findUniqueOrThrow({ where: { id: source.id } });
    expect(tender).toMatchObject({ status: "EVALUATION", prequalificationRound: 1, openedAt: null });
    expect(tender.shortlistAnnouncedAt).not.toBeNull();
    const replayed = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.shortlistAnnounced", entityId: source.id },
    });
    expect(replayed.data).toMatchObject({
      sourceShortlistAnnouncedAt: source.shortlistAnnouncedAt!.toISOString(),
      sourceRound: 1,
    });
  });
});
