import "server-only";
import { db } from "@/server/db";
import type { JsonObject } from "../domain/merge";
import { buildRecord, type OcdsRecord } from "../domain/packages";

/**
 * Every release of one ocid as published, oldest first (position order is publication
 * order), or an empty list for an ocid never published. Rows are kept as written
 * (docs/decisions/0041), so the same ocid always answers the same releases plus newer ones.
 */
export async function findOcidReleases(ocid: string): Promise<JsonObject[]> {
  const rows = await db.ocdsRelease.findMany({ where: { ocid }, orderBy: { position: "asc" }, select: { data: true } });
  return rows.map((row) => row.data as JsonObject);
}

/** The record of one ocid (its releases and compiled release), or null when it has none. */
export async function findOcidRecord(ocid: string): Promise<OcdsRecord | null> {
  const releases = await findOcidReleases(ocid);
  return releases.length === 0 ? null : buildRecord(ocid, releases);
}

/** The ocid a tender is published under, once its first release exists (the "Data OCDS" link). */
export async function findTenderOcid(tenderId: string): Promise<string | null> {
  const row = await db.ocdsRelease.findFirst({ where: { tenderId }, select: { ocid: true }, orderBy: { seq: "asc" } });
  return row?.ocid ?? null;
}
