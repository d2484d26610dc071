// Test data for the open-data reads: hand-made valid releases written straight into
// OcdsRelease (as segel_app may: insert only), so the reads are tested apart from the builder.
import { makeAgency, makePaket, makeTender, makeUser } from "@/tests/factories";
import { db, type Tx } from "@/server/db";
import { until } from "@/tests/setup/until";
import type { JsonObject } from "../domain/merge";

export interface TestProcess {
  ocid: string;
  tenderId: string;
  agencyId: string;
  prefix: string;
}

/** A tender and its ocid under the instance's prefix (the oldest LPSE: the publisher). */
export async function makeOcdsProcess(): Promise<TestProcess> {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const tender = await makeTender(await makePaket(agency, ppk.id));
  const [lpse] = await db.lpseInstance.findMany({ orderBy: { createdAt: "asc" }, take: 1 });
  return {
    ocid: `${lpse!.ocidPrefix}-${tender.code}`,
    tenderId: tender.id,
    agencyId: agency.id,
    prefix: lpse!.ocidPrefix,
  };
}

/** A valid OCDS 1.1.5 release of the process at `position`. */
export function releaseOf(process: TestProcess, position: number, date: Date, body: JsonObject = {}): JsonObject {
  return {
    ocid: process.ocid,
    id: `${process.ocid}-${position}`,
    date: date.toISOString(),
    tag: [position === 1 ? "tender" : "tenderUpdate"],
    initiationType: "tender",
    language: "id",
    buyer: { id: "ID-LPSE-AG", name: "Dinas Uji" },
    parties: [{ id: "ID-LPSE-AG", name: "Dinas Uji", roles: ["buyer", "procuringEntity"] }],
    tender: {
      id: process.ocid.slice(12),
      title: `Pengadaan uji ${position}`,
      status: "active",
      procurementMethod: "open",
      procurementMethodDetails: "Tender",
      value: { amount: 480_000_000, currency: "IDR" },
    },
    ...body,
  };
}

/** Writes the release as the builder would, in `client` (a transaction) or on its own. */
export async function insertRelease(
  process: TestProcess,
  position: number,
  options: { date?: Date; fiscalYear?: number; body?: JsonObject; client?: Tx } = {},
): Promise<JsonObject> {
  const date = options.date ?? new Date(Date.UTC(2026, 0, 1, 0, position));
  const data = releaseOf(process, position, date, options.body);
  await (options.client ?? db).ocdsRelease.create({
    data: {
      ocid: process.ocid,
      releaseId: `${process.ocid}-${position}`,
      position,
      tags: data.tag as string[],
      date,
      kind: "TENDER",
      agencyId: process.agencyId,
      fiscalYear: options.fiscalYear ?? 2026,
      tenderId: process.tenderId,
      data,
    },
  });
  return data;
}

/**
 * Waits until the feed's watermark has passed the given releases: xids are the cluster's,
 * so a writing transaction of another test worker, begun before them and still running,
 * holds them back for its few milliseconds (as any writer does in production).
 */
export async function untilFeedServes(releaseIds: string[]): Promise<void> {
  await until(`the feed's watermark passes ${releaseIds.length} releases`, async () => {
    const [row] = await db.$queryRaw<{ held: bigint }[]>`
      SELECT count(*) AS held FROM "OcdsRelease"
      WHERE "releaseId" = ANY(${releaseIds}) AND "xid" >= (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;
    return Number(row!.held) === 0;
  });
}
