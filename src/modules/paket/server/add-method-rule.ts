import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { methodsForNewRule } from "../domain/method-rule-rows";
import type { MethodRuleInput } from "../paket.schemas";

const conflict = () =>
  new AppError(
    "CONFLICT",
    "methodRuleExists",
    {},
    { effectiveFrom: ["Sudah ada aturan untuk kategori ini yang berlaku mulai tanggal tersebut."] },
  );

/**
 * ADMIN_LPSE records a new regulation as a new row of the rule table, without a release.
 * Existing rows are never edited: pakets dated before the new row keep the old limit.
 */
export async function addMethodRule(actor: Actor, input: MethodRuleInput): Promise<{ id: string }> {
  if (!can(actor, "rule.manage")) throw new AppError("FORBIDDEN");
  const fieldErrors: Record<string, string[]> = {};
  if (Number.isNaN(input.effectiveFrom.getTime())) fieldErrors.effectiveFrom = ["Tanggal berlaku tidak valid."];
  if (input.limit <= 0n) fieldErrors.limit = ["Batas nilai harus lebih dari Rp0."];
  if (!input.legalBasis.trim()) fieldErrors.legalBasis = ["Dasar hukum wajib diisi."];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "VALIDATION", {}, fieldErrors);

  const data = {
    ...input,
    legalBasis: input.legalBasis.trim(),
    ...methodsForNewRule(input.category),
    createdById: actor.userId,
  };
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.methodRule.findUnique({
        where: { category_effectiveFrom: { category: input.category, effectiveFrom: input.effectiveFrom } },
        select: { id: true },
      });
      if (existing) throw conflict();
      const rule = await tx.methodRule.create({ data, select: { id: true } });
      await recordAuditEvent(tx, {
        actor,
        action: "methodRule.added",
        entityType: "MethodRule",
        entityId: rule.id,
        data,
      });
      return rule;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict();
    throw error;
  }
}
