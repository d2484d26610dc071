import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";

// The demo walks each tender through its life with the use cases a person would use, at
// the times a person would have used them: days ago. The use cases read the database
// clock, segel_now(), which adds the offset in "TestClockOffset" only on a connection whose
// `segel.test_clock` setting is on (migration 20261122090102, docs/decisions/0006). The
// seed's own connections turn it on; the portal's and the worker's never do (except on the
// end-to-end test database, whose setting is on for every connection), so they never see
// the offset the seed moves, and the seed puts it back to 0 when it is done or has failed.
// docs/decisions/0037-demo-seed-through-use-cases.md

/** A client whose every connection may have its clock moved; the use cases run on it (src/server/db.ts). */
export function openSeedClient(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 4, options: "-c segel.test_clock=on" }),
  });
}

/** The real time (no offset), from the database, to the hour, so the demo's times are round. */
export async function realNow(db: PrismaClient): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT date_trunc('hour', clock_timestamp()) AS now`;
  return row!.now;
}

/** Moves the seed's clock so that segel_now() reads `at` (give or take the milliseconds the call takes). */
export async function setClock(db: PrismaClient, at: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "TestClockOffset" (id, "offsetMs")
    VALUES (1, (extract(epoch FROM ${at}::timestamptz - clock_timestamp()) * 1000)::bigint)
    ON CONFLICT (id) DO UPDATE SET "offsetMs" = EXCLUDED."offsetMs"`;
}

/** The offset as it was before the seed, to put back afterwards (null when there was no row). */
export async function readClock(db: PrismaClient): Promise<bigint | null> {
  const row = await db.testClockOffset.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  return row?.offsetMs ?? null;
}

/** Puts the offset back as it was: 0 on a new database, which is what the portal then reads. */
export async function restoreClock(db: PrismaClient, offsetMs: bigint | null): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "TestClockOffset" (id, "offsetMs") VALUES (1, ${offsetMs ?? 0n})
    ON CONFLICT (id) DO UPDATE SET "offsetMs" = EXCLUDED."offsetMs"`;
}
