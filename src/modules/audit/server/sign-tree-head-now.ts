import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";
import { toTreeHeadJson, type TreeHeadJson } from "../domain/tree-head";
import { sequenceAuditLog } from "./sequence-audit-log";
import { writeTreeHead } from "./write-tree-head";

/** Sequences what is committed and signs a head now (the button on /audit). Audited. */
export async function signTreeHeadNow(actor: Actor): Promise<TreeHeadJson> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  await sequenceAuditLog();
  const head = await writeTreeHead({ force: true, actor });
  return toTreeHeadJson(head!);
}
