import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  makeAgency,
  makeAwardedTender,
  makeDirectPaket,
  makeScheduledTender,
  makeUser,
  makeVendor,
} from "@/tests/factories";
import { ocdsChecks, validateRelease } from "@/tests/setup/ocds-validator";
import { backfillReleases } from "./backfill-releases";

const PREFIX = "ocds-uji003";
const usePrefix = (lpseId: string) => db.lpseInstance.update({ where: { id: lpseId }, data: { ocidPrefix: PREFIX } });

describe("backfillReleases", () => {
  it("publishes one release per process that has none, as fits its state, and nothing on a second run", async () => {
    // made as rows (as before the open data existed): no release yet
    const running = await makeScheduledTender();
    await usePrefix(running.agency.lpseId);
    const draft = await makeScheduledTender({ agency: running.agency, status: "DRAFT" });
    const cancelled = await makeScheduledTender({ agency: running.agency, status: "CANCELLED" });
    const awarded = await makeAwardedTender();
    await usePrefix(awarded.agency.lpseId);
    const direct = await makeDirectPaket();
    await usePrefix(direct.agency.lpseId);
    const vendor = await makeVendor();
    const dp = await db.directProcurement.create({
      data: {
        paketId: direct.paket.id,
        vendorId: vendor.id,
        status: "COMPLETED",
        invitedAt: new Date("2026-11-01T02:00:00Z"),
        contractNumber: "SPK/9/2026",
        contractValue: 120_000_000n,
        completedAt: new Date("2026-11-05T02:00:00Z"),
      },
    });
    const agency = await makeAgency();
    await usePrefix(agency.lpseId);
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const record = await db.nonTenderRecord.create({
      data: {
        agencyId: agency.id,
        workUnitId: agency.workUnits[0]!.id,
        name: "Perbaikan genset",
        category: "JASA_LAINNYA",
        kind: "SWAKELOLA",
        reason: "Sistem tidak dapat diakses.",
        value: 30_000_000n,
        vendorName: "CV Listrik",
        realizedOn: new Date("2026-10-01T00:00:00Z"),
        recordedById: ppk.id,
        recordedAt: new Date("2026-10-02T00:00:00Z"),
      },
    });

    const first = await backfillReleases();
    expect(first.tenders).toBeGreaterThanOrEqual(3);
    expect(first.directProcurements).toBeGreaterThanOrEqual(1);
    expect(first.nonTenderRecords).toBeGreaterThanOrEqual(1);
    const mine = await db.ocdsRelease.findMany({
      where: {
        OR: [
          { tenderId: { in: [running.tender.id, draft.tender.id, cancelled.tender.id, awarded.tender.id] } },
          { directProcurementId: dp.id },
          { nonTenderRecordId: record.id },
        ],
      },
      select: { tenderId: true, directProcurementId: true, nonTenderRecordId: true, tags: true, data: true },
    });
    const tagsOf = (match: (r: (typeof mine)[number]) => boolean) => mine.filter(match).map((r) => r.tags);
    expect(tagsOf((r) => r.tenderId === running.tender.id)).toEqual([["tender"]]);
    expect(tagsOf((r) => r.tenderId === draft.tender.id)).toEqual([]);
    expect(tagsOf((r) => r.tenderId === cancelled.tender.id)).toEqual([["tender", "tenderCancellation"]]);
    expect(tagsOf((r) => r.tenderId === awarded.tender.id)).toEqual([["tender", "award"]]);
    expect(tagsOf((r) => r.directProcurementId === dp.id)).toEqual([["tender", "award", "contract"]]);
    expect(tagsOf((r) => r.nonTenderRecordId === record.id)).toEqual([["tender", "award", "contract"]]);
    for (const r of mine) expect(validateRelease(r.data)).toEqual([]);
    expect(ocdsChecks({ releases: mine.map((r) => r.data) }, PREFIX)).toEqual([]);
    // the red flags were computed in the same pass
    expect(await db.tenderRedFlag.count({ where: { tenderId: cancelled.tender.id, code: "CANCELLED" } })).toBe(1);

    const before = await db.ocdsRelease.count();
    expect(await backfillReleases()).toEqual({ tenders: 0, directProcurements: 0, nonTenderRecords: 0 });
    expect(await db.ocdsRelease.count()).toBe(before);
  });
});
