import "server-only";
import type { Tx } from "@/server/db";
import type { TenderChangeTrigger } from "../domain";

/**
 * Publishes the OCDS release a change of the tender makes, in the change's transaction
 * (docs/decisions/0041). Filled in by the open-data work; until then it publishes nothing.
 */
export async function recordTenderRelease(
  _tx: Tx,
  _tenderId: string,
  _trigger: TenderChangeTrigger,
  _now: Date,
): Promise<void> {}
