import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { procedureStages } from "./tender-stages";

/**
 * Every procedure's minimum stage lengths and addendum time, with their basis, for
 * ADMIN_LPSE (who edits them) and for those who read everything (auditors).
 */
export async function findProcedureMinimums(actor: Actor) {
  const canManage = can(actor, "rule.manage");
  if (!canManage && !can(actor, "report.readAll")) throw new AppError("FORBIDDEN");
  const rows = await db.procedureConfig.findMany({
    orderBy: { key: "asc" },
    select: { id: true, key: true, name: true, stages: true, addendumMinHours: true, addendumMinBasis: true },
  });
  return { canManage, procedures: rows.map((p) => ({ ...p, stages: procedureStages(p.stages) })) };
}

export type ProcedureMinimumsView = Awaited<ReturnType<typeof findProcedureMinimums>>["procedures"][number];
