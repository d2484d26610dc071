import "server-only";
import { refreshRedFlags } from "@/modules/red-flags";
import type { Tx } from "@/server/db";
import type { TenderChangeTrigger } from "../domain";
import { recordTenderRelease } from "./record-tender-release";

/**
 * Everything the public learns from a change of a tender, in the change's own transaction:
 * its OCDS release and its red flags. The one writer of the lifecycle (applyTenderEvent)
 * and the addendum call it, so no use case can forget to.
 */
export async function tenderChanged(tx: Tx, tenderId: string, trigger: TenderChangeTrigger, now: Date): Promise<void> {
  await recordTenderRelease(tx, tenderId, trigger, now);
  await refreshRedFlags(tx, tenderId, now);
}
