import "server-only";
import { findBindingEntries } from "@/modules/blacklist";
import type { Tx } from "@/server/db";

export interface BlacklistedVendor {
  vendorId: string;
  vendorName: string;
  decreeNumber: string;
  endsAt: string;
}

/**
 * The companies of an imported tender that are on this instance's daftar hitam in force
 * (Perpres 16/2018 Pasal 78 jo. Perpres 12/2021; the list is kept per instance), by the
 * blacklist module's own lookup (its id or its NPWP in either form). The import does not
 * refuse them: refusing would strand the tender between two LPSE. It names them in its
 * result and its audit event, so the receiving Pokja acts (every later step that takes part
 * or chooses refuses them through the same lookup).
 */
export async function blacklistedVendors(tx: Tx, localVendorIds: Iterable<string>, now: Date) {
  const bound = await findBindingEntries(tx, localVendorIds, now);
  const found: BlacklistedVendor[] = bound.map(({ vendorId, entry }) => ({
    vendorId,
    vendorName: entry.vendorName,
    decreeNumber: entry.decreeNumber,
    endsAt: entry.endsAt.toISOString(),
  }));
  return found.sort((a, b) => a.vendorName.localeCompare(b.vendorName));
}
