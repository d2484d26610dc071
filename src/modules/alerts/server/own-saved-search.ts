import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { ownVendorId } from "@/modules/vendors";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/** The actor's vendor, when the actor may keep saved searches at all. */
export function savedSearchVendorId(actor: Actor): string {
  if (!can(actor, "savedSearch.manage")) throw new AppError("FORBIDDEN");
  return ownVendorId(actor);
}

/**
 * A saved search of the actor's own vendor, locked for the change. Another vendor's id
 * answers as one that does not exist: its existence is not the actor's to learn.
 */
export async function lockOwnSavedSearch(tx: Tx, actor: Actor, savedSearchId: string) {
  const vendorId = savedSearchVendorId(actor);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "SavedSearch" WHERE id = ${savedSearchId}::uuid AND "vendorId" = ${vendorId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return { id: rows[0].id, vendorId };
}

/** What the audit trail keeps of a search: its filters, amounts as text. */
export function auditFields(s: {
  name: string;
  kbli: readonly string[];
  region: string | null;
  categories: readonly string[];
  minValue: bigint | null;
  maxValue: bigint | null;
  keyword: string | null;
  frequency: string;
}) {
  return {
    name: s.name,
    kbli: [...s.kbli],
    region: s.region,
    categories: [...s.categories],
    minValue: s.minValue?.toString() ?? null,
    maxValue: s.maxValue?.toString() ?? null,
    keyword: s.keyword,
    frequency: s.frequency,
  };
}
