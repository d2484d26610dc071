import "server-only";
import { db, type Db } from "@/server/db";
import { findChainBreak, GENESIS_HASH, type ChainBreak } from "../domain/chain";

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** the first event whose link or content does not match, if any */
  brokenAt: ChainBreak | null;
}

const BATCH = 1000;

/** Walks the whole audit chain in seq order, a batch at a time, and names the first broken link. */
export async function verifyAuditChain(client: Db = db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = 0n;
  let checked = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) return { ok: true, checked, brokenAt: null };
    // A gap in seq means a row was deleted; the next row's prevHash then fails to match.
    const result = findChainBreak(rows, prev);
    checked += result.checked;
    if (result.brokenAt) return { ok: false, checked, brokenAt: result.brokenAt };
    prev = result.lastHash;
    after = rows[rows.length - 1]!.seq;
  }
}
