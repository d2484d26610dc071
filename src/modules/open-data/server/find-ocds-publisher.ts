import "server-only";
import { db } from "@/server/db";

export interface OcdsPublisherInfo {
  /** the LPSE's name: the publisher of every package */
  name: string;
  /** the instance's ocid prefix (ocds-xxxxxx) */
  ocidPrefix: string | null;
}

/** The one LPSE of this instance (the oldest row, as the LPSE profile reads it). */
export async function findOcdsPublisher(): Promise<OcdsPublisherInfo> {
  const row = await db.lpseInstance.findFirst({
    select: { name: true, ocidPrefix: true },
    orderBy: { createdAt: "asc" },
  });
  return { name: row?.name ?? "Segel", ocidPrefix: row?.ocidPrefix ?? null };
}

/**
 * The fiscal years that have releases, newest first: one bulk file each. A loose index scan
 * over (fiscalYear, ocid, position), so it reads one index entry a year, not every release.
 */
export async function findReleaseYears(): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    WITH RECURSIVE years AS (
      SELECT min("fiscalYear") AS year FROM "OcdsRelease"
      UNION ALL
      SELECT (SELECT min("fiscalYear") FROM "OcdsRelease" WHERE "fiscalYear" > years.year)
      FROM years WHERE years.year IS NOT NULL
    )
    SELECT year FROM years WHERE year IS NOT NULL ORDER BY year DESC`;
  return rows.map((row) => Number(row.year));
}

/** An ocid to show as an example on /data-terbuka: the latest published, or null before any. */
export async function findExampleOcid(): Promise<string | null> {
  const row = await db.ocdsRelease.findFirst({ select: { ocid: true }, orderBy: { seq: "desc" } });
  return row?.ocid ?? null;
}
