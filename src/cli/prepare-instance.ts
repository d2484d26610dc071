// Run by `npm start` after the migrations, as the owner of the tables: decides by
// SEGEL_DEMO what the database becomes (src/cli/instance-mode.ts) and, for an empty
// instance, adds what every instance needs: the reference data and one LPSE row with a
// placeholder profile that ADMIN_LPSE fills in at /admin/profil. Exits 1 with the reason
// on a refusal. The demo itself is seeded by prisma/seed.ts after this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { recordAuditEvent } from "../modules/audit/server/record-audit-event";
import { LPSE as DEMO_LPSE } from "../../prisma/seed/demo-people";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { planStart, readDemoSetting } from "./instance-mode";

/** The placeholder of a new instance; only the name and the profile are ever edited. */
export const NEW_INSTANCE = { code: "LPSE", name: "LPSE (nama belum diatur)" };

async function main(): Promise<number> {
  const isDemo = readDemoSetting(process.env.SEGEL_DEMO);
  if (typeof isDemo === "object") return (console.error(`[segel] ${isDemo.error}`), 1);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const instances = await db.lpseInstance.findMany({ select: { code: true } });
    const plan = planStart(
      isDemo,
      instances.map((i) => i.code),
      DEMO_LPSE.code,
    );
    if (plan.kind === "refuse") return (console.error(`[segel] ${plan.message}`), 1);
    if (plan.kind === "seedDemo") return 0;
    await seedReferenceData(db);
    if (!plan.isNew) return 0;
    await db.$transaction(async (tx) => {
      const lpse = await tx.lpseInstance.create({ data: NEW_INSTANCE, select: { id: true } });
      await recordAuditEvent(tx, {
        actor: null,
        action: "lpse.instanceCreated",
        entityType: "LpseInstance",
        entityId: lpse.id,
        data: NEW_INSTANCE,
      });
    });
    console.log("[segel] A new empty instance: reference data and a placeholder LPSE profile added.");
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
