import type { PrismaClient } from "../../src/generated/prisma/client";
import { DEFAULT_METHOD_RULES } from "../../src/modules/paket/domain/default-method-rules";
import { DEFAULT_PROCEDURES } from "../../src/modules/tenders/domain/procedure";

/**
 * Rows every installation needs, demo or not: the method rule table and the procedure
 * configurations. Inserted when missing and never overwritten, so an administrator's
 * corrections survive restarts.
 */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  for (const rule of DEFAULT_METHOD_RULES) {
    await db.methodRule.upsert({
      where: { category_effectiveFrom: { category: rule.category, effectiveFrom: rule.effectiveFrom } },
      create: rule,
      update: {},
    });
  }
  for (const procedure of DEFAULT_PROCEDURES) {
    await db.procedureConfig.upsert({ where: { key: procedure.key }, create: procedure, update: {} });
  }
}
