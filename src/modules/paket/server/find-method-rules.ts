import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { toRuleRow, type MethodRuleRow } from "../domain/method-rule-rows";

/** Every rule row, newest first within a category. No permission check: callers decide. */
export async function readMethodRuleRows(): Promise<MethodRuleRow[]> {
  const rules = await db.methodRule.findMany({
    orderBy: [{ category: "asc" }, { effectiveFrom: "desc" }],
    select: {
      id: true,
      effectiveFrom: true,
      category: true,
      method: true,
      limit: true,
      methodAbove: true,
      legalBasis: true,
    },
  });
  return rules.map(toRuleRow);
}

/** The rule table for its managers and for those who read everything (auditors). */
export async function findMethodRules(actor: Actor): Promise<{ rows: MethodRuleRow[]; canManage: boolean }> {
  const canManage = can(actor, "rule.manage");
  if (!canManage && !can(actor, "report.readAll")) throw new AppError("FORBIDDEN");
  return { rows: await readMethodRuleRows(), canManage };
}
