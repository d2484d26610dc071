import "server-only";
import type { Tx } from "@/server/db";
import {
  buildDirectProcurementRelease,
  buildNonTenderRelease,
  ocidFor,
  type DirectProcurementStage,
  type ReleaseTag,
} from "../domain";
import { insertRelease, lastRelease, lockedOcidPrefix, publicOrigin } from "./insert-release";

/**
 * A pengadaan langsung's release at its invitation, its result (award and contract) or its
 * cancellation, in the use case's transaction; the use case holds the paket's row lock.
 * The vendor is named only with the result (the quotation and negotiation stay private).
 */
export async function recordDirectProcurementRelease(
  tx: Tx,
  directProcurementId: string,
  stage: DirectProcurementStage,
  now: Date,
): Promise<void> {
  const dp = await tx.directProcurement.findUniqueOrThrow({
    where: { id: directProcurementId },
    select: {
      id: true,
      invitedAt: true,
      contractNumber: true,
      contractValue: true,
      completedAt: true,
      vendor: { select: { id: true, name: true } },
      paket: {
        select: {
          name: true,
          rupCode: true,
          category: true,
          hps: true,
          fiscalYear: true,
          workUnit: { select: { id: true, name: true } },
          agency: { select: { id: true, name: true } },
        },
      },
    },
  });
  const prefix = await lockedOcidPrefix(tx, dp.paket.agency.id);
  const last = await lastRelease(tx, ocidFor(prefix, { kind: "DIRECT_PROCUREMENT", id: dp.id }));
  const release = buildDirectProcurementRelease(
    {
      id: dp.id,
      stage,
      paket: { name: dp.paket.name, rupCode: dp.paket.rupCode, category: dp.paket.category, hps: dp.paket.hps },
      agency: { id: dp.paket.agency.id, name: dp.paket.agency.name },
      workUnit: dp.paket.workUnit,
      vendor: dp.vendor,
      invitedAt: dp.invitedAt,
      contractNumber: dp.contractNumber,
      contractValue: dp.contractValue,
      completedAt: dp.completedAt,
    },
    { prefix, position: last.position + 1, date: now },
  );
  // a process's first release is its "tender" release too (a backfill of a finished one)
  if (last.position === 0 && !release.tag.includes("tender")) release.tag = ["tender", ...release.tag];
  await insertRelease(tx, release, {
    position: last.position + 1,
    kind: "DIRECT_PROCUREMENT",
    agencyId: dp.paket.agency.id,
    fiscalYear: dp.paket.fiscalYear,
    directProcurementId: dp.id,
  });
}

/**
 * A non-tender record's release: when it is recorded (tender, award and contract at once: the
 * procurement had ended), and again when its documents are published (tenderUpdate). Locks
 * the record's row, since publishing its documents takes no other lock.
 */
export async function recordNonTenderRelease(tx: Tx, nonTenderRecordId: string, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "NonTenderRecord" WHERE id = ${nonTenderRecordId}::uuid FOR UPDATE`;
  const record = await tx.nonTenderRecord.findUniqueOrThrow({
    where: { id: nonTenderRecordId },
    select: {
      id: true,
      name: true,
      rupCode: true,
      category: true,
      kind: true,
      reason: true,
      value: true,
      vendorName: true,
      realizedOn: true,
      workUnit: { select: { id: true, name: true } },
      agency: { select: { id: true, name: true, timeZone: true } },
      documents: {
        where: { isPublic: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, fileName: true, mimeType: true, sha256: true, createdAt: true },
      },
    },
  });
  const prefix = await lockedOcidPrefix(tx, record.agency.id);
  const last = await lastRelease(tx, ocidFor(prefix, { kind: "NON_TENDER", id: record.id }));
  const release = buildNonTenderRelease(
    { ...record, agency: { id: record.agency.id, name: record.agency.name } },
    { prefix, position: last.position + 1, date: now, publicOrigin: publicOrigin() },
  );
  if (last.position > 0) release.tag = ["tenderUpdate"] satisfies ReleaseTag[];
  await insertRelease(tx, release, {
    position: last.position + 1,
    kind: "NON_TENDER",
    agencyId: record.agency.id,
    // the bulk file of the year the procurement was realised (OcdsRelease.fiscalYear): the
    // day is stored as local midnight, so the year is read in the agency's own zone
    fiscalYear: Number(
      new Intl.DateTimeFormat("en", { timeZone: record.agency.timeZone, year: "numeric" }).format(record.realizedOn),
    ),
    nonTenderRecordId: record.id,
  });
}
