import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OcdsProcessKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import type { OcdsRelease } from "../domain";

/** The portal's public origin, for the document links a release carries (as mail links use it). */
export const publicOrigin = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

/**
 * The ocid prefix of the agency's LPSE, with a share lock on its row until the transaction
 * ends: a change of the prefix (updateLpseProfile, which refuses once a release exists) waits
 * for this release to commit, and then sees it.
 */
export async function lockedOcidPrefix(tx: Tx, agencyId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ ocidPrefix: string }[]>`
    SELECT l."ocidPrefix" FROM "LpseInstance" l JOIN "Agency" a ON a."lpseId" = l.id
    WHERE a.id = ${agencyId}::uuid FOR SHARE OF l`;
  if (!row) throw new Error(`agency ${agencyId} has no LPSE`);
  return row.ocidPrefix;
}

/** The last release of an ocid: its position (0 when none) and its content. */
export async function lastRelease(tx: Tx, ocid: string): Promise<{ position: number; data: unknown }> {
  const last = await tx.ocdsRelease.findFirst({
    where: { ocid },
    orderBy: { position: "desc" },
    select: { position: true, data: true },
  });
  return last ?? { position: 0, data: null };
}

/**
 * Keeps a release as published (the table is insert-only for the application). The caller
 * holds the process's row lock, so the next position cannot be taken twice; the unique
 * (ocid, position) would refuse it anyway.
 */
export async function insertRelease(
  tx: Tx,
  release: OcdsRelease,
  owner: {
    position: number;
    kind: OcdsProcessKind;
    agencyId: string;
    fiscalYear: number;
    tenderId?: string;
    directProcurementId?: string;
    nonTenderRecordId?: string;
  },
): Promise<void> {
  await tx.ocdsRelease.create({
    data: {
      ocid: release.ocid,
      releaseId: release.id,
      position: owner.position,
      tags: release.tag,
      date: new Date(release.date),
      kind: owner.kind,
      agencyId: owner.agencyId,
      fiscalYear: owner.fiscalYear,
      tenderId: owner.tenderId ?? null,
      directProcurementId: owner.directProcurementId ?? null,
      nonTenderRecordId: owner.nonTenderRecordId ?? null,
      data: release as unknown as Prisma.InputJsonValue,
    },
  });
}
