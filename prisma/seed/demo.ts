import type { PrismaClient } from "../../src/generated/prisma/client";
import { recordAuditEvent } from "../../src/modules/audit/server/record-audit-event";
import { setOpeningKey } from "../../src/modules/bids/server/keys/set-opening-key";
import { runScheduleTick } from "../../src/modules/schedule/server/run-schedule-tick";
import { actorOf } from "./demo-actors";
import { seedSavedSearches } from "./demo-alerts";
import { seedBlacklistEntry } from "./demo-contract";
import { seedOrganisation } from "./demo-organisation";
import { AGENCIES, DEMO_OPENING_PASSPHRASE, USERS, VENDORS } from "./demo-people";
import { PAKETS } from "./demo-procurement";
import { seedTenders } from "./demo-tenders";
import { seedVendorProfiles } from "./demo-qualification";
import { restoreClock, setClock } from "./seed-clock";

const DAY = 86_400_000;

/** The whole demo, its organisation first (forty days ago, before its oldest tender), then its tenders. */
export async function seedDemoData(db: PrismaClient, now: Date): Promise<void> {
  await setClock(db, new Date(now.getTime() - 40 * DAY));
  const org = await seedOrganisation(db);
  await seedVendorProfiles(db, now);
  // Demo Pokja members have set their opening passphrase, so demo tenders take bids.
  await Promise.all(
    USERS.filter((u) => u.roles.some((r) => r.role === "POKJA")).map(async (u) =>
      setOpeningKey(await actorOf(db, u.email), {
        passphrase: DEMO_OPENING_PASSPHRASE,
        confirmation: DEMO_OPENING_PASSPHRASE,
      }),
    ),
  );
  await seedTenders(db, org, now);
  await seedBlacklistEntry(db, now);
  // back to the real time, where the worker moves every tender to its current stage
  await restoreClock(db, 0n);
  await runScheduleTick();
  await seedSavedSearches(db);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: null,
      action: "seed.demoData",
      entityType: "LpseInstance",
      entityId: org.lpseId,
      data: { agencies: AGENCIES.length, users: USERS.length, vendors: VENDORS.length, pakets: PAKETS.length },
    }),
  );
  console.log(
    `Demo data seeded: ${AGENCIES.length} agencies, ${USERS.length} users, ${VENDORS.length} vendors, ${PAKETS.length} paket.`,
  );
}
