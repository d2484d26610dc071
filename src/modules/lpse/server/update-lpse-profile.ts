import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { LpseProfileInput } from "../lpse.schemas";

const FIELDS = ["name", "address", "contactEmail", "phone", "website", "timeZone", "ocidPrefix"] as const;

/**
 * ADMIN_LPSE edits the LPSE's profile. Only the fields that changed are written and named in
 * `lpse.profileChanged` (from and to); an unchanged form writes nothing. A changed default
 * time zone applies to what is shown from then on; each agency keeps its own zone. The ocid
 * prefix is fixed once a release of this LPSE is published (OCDS: an ocid never changes); a
 * release being written holds a share lock on this row (open-data lockedOcidPrefix), so the
 * check below sees it.
 */
export async function updateLpseProfile(actor: Actor, input: LpseProfileInput): Promise<{ changed: string[] }> {
  if (!can(actor, "lpse.manage")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "LpseInstance" ORDER BY "createdAt" ASC LIMIT 1 FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND");
    const current = await tx.lpseInstance.findUniqueOrThrow({
      where: { id: row.id },
      select: {
        name: true,
        address: true,
        contactEmail: true,
        phone: true,
        website: true,
        timeZone: true,
        ocidPrefix: true,
      },
    });
    const wanted = { ...input, ocidPrefix: input.ocidPrefix ?? current.ocidPrefix };
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of FIELDS) {
      if (current[field] !== wanted[field]) changes[field] = { from: current[field], to: wanted[field] };
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    if (changes.ocidPrefix) {
      const published = await tx.ocdsRelease.findFirst({
        where: { agency: { lpseId: row.id } },
        select: { seq: true },
      });
      if (published) throw new AppError("INVALID_STATE", "ocidPrefixFixed", { prefix: current.ocidPrefix });
    }
    const data = Object.fromEntries(changed.map((f) => [f, wanted[f as (typeof FIELDS)[number]]]));
    await tx.lpseInstance.update({ where: { id: row.id }, data: { ...data, updatedAt: await dbNow(tx) } });
    await recordAuditEvent(tx, {
      actor,
      action: "lpse.profileChanged",
      entityType: "LpseInstance",
      entityId: row.id,
      data: { changes },
    });
    return { changed };
  });
}
