import "server-only";
import { sequenceAuditLog } from "./sequence-audit-log";
import { writeTreeHead } from "./write-tree-head";

/** One worker tick: sequence what committed, then sign a head if the log grew. */
export async function runAuditLogTick({ limit = 1000 } = {}) {
  const sequenced = await sequenceAuditLog({ limit });
  const head = await writeTreeHead();
  return { checked: sequenced.appended, transitions: [] as never[], forged: sequenced.forged, head };
}
