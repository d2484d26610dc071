import "server-only";
import type { Tx } from "@/server/db";

/**
 * Recomputes a tender's red flags in the transaction of its change (docs/decisions/0041).
 * Filled in by the red-flags work; until then it raises nothing.
 */
export async function refreshRedFlags(_tx: Tx, _tenderId: string, _now: Date): Promise<void> {}
