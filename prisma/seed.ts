// Demo data for a new Segel: one LPSE, three agencies in three time zones, a user for
// every role, five verified vendors and a dozen paket whose tenders each tell a true
// story (announced, bidding, opened, awarded, contracted, failed), walked through the same
// use cases a person would use (prisma/seed/demo-tenders.ts, docs/decisions/0037).
// Runs on every `npm start`; it does nothing when the demo LPSE is already there.
import type { PrismaClient } from "../src/generated/prisma/client";
import { LPSE } from "./seed/demo-people";
import { seedReferenceData } from "./seed/reference-data";
import { openSeedClient, readClock, realNow, restoreClock } from "./seed/seed-clock";

const COMPLETED = "seed.demoData";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = openSeedClient(url);
  // The use cases' client (src/server/db.ts) is this one, whose clock the seed may move.
  (globalThis as { segelDb?: PrismaClient }).segelDb = db;
  try {
    await seedReferenceData(db);
    if (await db.lpseInstance.findUnique({ where: { code: LPSE.code } })) {
      if (!(await db.auditEvent.findFirst({ where: { action: COMPLETED }, select: { seq: true } })))
        throw new Error(
          "The demo data is incomplete (an earlier seed stopped half-way). Start again on an empty database (for the embedded one, remove .data/postgres).",
        );
      console.log("Demo data already present; nothing seeded.");
      return;
    }
    const started = performance.now();
    const offset = await readClock(db);
    try {
      await seedDemo(db);
    } finally {
      await restoreClock(db, offset);
    }
    console.log(`Demo data seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
  }
}

async function seedDemo(db: PrismaClient) {
  // imported here, after the client above is in place for the use cases
  const { seedDemoData } = await import("./seed/demo");
  await seedDemoData(db, await realNow(db));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
