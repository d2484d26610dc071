import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTwoEnvelopeTender } from "@/modules/bids/testing/two-envelopes.fixture";
import { passDeadline } from "@/modules/bids/testing/opening.fixture";
import { applyTenderEvent } from "@/modules/tenders";
import { db } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { makeBidder } from "@/tests/factories";
import type { BundleData } from "../domain/bundle-format";
import { becomeAnotherInstance } from "../testing/another-instance";
import { rewriteData } from "../testing/bundle-fixture";
import { exportTenderToFile } from "./export-tender";
import { importTender } from "./import-tender";
import { storeSource } from "./write-bundle";

/**
 * A seleksi whose bid upload has closed (EVALUATION, not yet opened) moves with its
 * announced shortlist: the import replays the announcement on PUBLISHED (the one writer
 * refuses it later), then the schedule moves it on to EVALUATION, as at the source.
 */
describe("a seleksi moved to another LPSE", () => {
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

  it("refuses, writing nothing, a bid without its pakta integritas submitted after this LPSE began requiring it", async () => {
    const made = await makeTwoEnvelopeTender([640_000_000n]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-seleksi-pact-")), "bundle.tar");
    await exportTenderToFile({ client: db, code: made.tender.code, out: file, source: storeSource(), live: false });
    const fingerprint = (await getInstanceKey()).fingerprint;
    const keyPem = readFileSync(process.env.SEGEL_INSTANCE_KEY_FILE!, "utf8");
    // an LPSE on an older Segel accepted the bid without the pact, after this one's rule began
    const bundle = await rewriteData(file, keyPem, (data) => void (data.tables.Bid![0]!.integrityPactAt = null));

    const { agency, admin } = await becomeAnotherInstance();
    await expect(
      importTender(admin, { bundlePath: bundle, agencyId: agency.id, expectedFingerprint: fingerprint }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "tenderImport.bidWithoutPact" });
    expect(await db.tender.count()).toBe(0);
    expect(await db.bid.count()).toBe(0);
  });

  it("refuses, writing nothing, a signed bundle with an award sanggah, unreadable requirements or a sanggah naming one of this LPSE's", async () => {
    const made = await makeTwoEnvelopeTender([]);
    const firm = await makeBidder(made.tender.id);
    await db.sanggah.create({
      data: {
        ...{ tenderId: made.tender.id, vendorId: firm.vendor.id, kind: "SANGGAH_PRAKUALIFIKASI" },
        ...{ body: "Kami keberatan atas hasil prakualifikasi.", filedAt: new Date() },
      },
    });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-seleksi-bad-")), "bundle.tar");
    await exportTenderToFile({ client: db, code: made.tender.code, out: file, source: storeSource(), live: false });
    const fingerprint = (await getInstanceKey()).fingerprint;
    const keyPem = readFileSync(process.env.SEGEL_INSTANCE_KEY_FILE!, "utf8");
    const sanggah = (data: BundleData) => data.tables.Sanggah![0]!;
    const bad: [(data: BundleData) => void, string][] = [
      [(data) => void (sanggah(data).kind = "SANGGAH"), "tableUnsupported"],
      [(data) => void (data.tables.Tender![0]!.qualificationRequirements = { version: 9 }), "requirementsInvalid"],
      [(data) => void (sanggah(data).appealOfId = randomUUID()), "referenceOutside"],
    ];
    const bundles = [];
    for (const [edit] of bad) bundles.push(await rewriteData(file, keyPem, edit));

    const { agency, admin } = await becomeAnotherInstance();
    for (const [i, [, key]] of bad.entries()) {
      await expect(
        importTender(admin, { bundlePath: bundles[i]!, agencyId: agency.id, expectedFingerprint: fingerprint }),
      ).rejects.toMatchObject({ code: "VALIDATION", messageKey: `tenderImport.${key}` });
      expect(await db.tender.count()).toBe(0);
      expect(await db.vendor.count()).toBe(0);
    }
    // the bundle as signed imports, its sanggah prakualifikasi with it
    await importTender(admin, { bundlePath: file, agencyId: agency.id, expectedFingerprint: fingerprint });
    expect(await db.sanggah.count({ where: { tenderId: made.tender.id, kind: "SANGGAH_PRAKUALIFIKASI" } })).toBe(1);
  });
});
