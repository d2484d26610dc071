import "server-only";
import type { Db, Tx } from "@/server/db";

/**
 * The firms whose pembuktian kualifikasi is their prakualifikasi (domain/pembuktian.ts):
 * those that passed the prakualifikasi of the round in force and are on its shortlist.
 * Empty for a procedure without prakualifikasi (read from its flag), which proves
 * qualification in its own PEMBUKTIAN stage.
 */
export async function prequalifiedVendorIds(
  client: Db | Tx,
  tender: { id: string; hasPrakualifikasi: boolean; prequalificationRound: number },
): Promise<Set<string>> {
  if (!tender.hasPrakualifikasi) return new Set();
  const rows = await client.prequalificationApplication.findMany({
    where: { tenderId: tender.id, round: tender.prequalificationRound, passed: true, shortlisted: true },
    select: { vendorId: true },
  });
  return new Set(rows.map((r) => r.vendorId));
}
