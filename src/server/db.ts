import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./env";

// One client per process. Next's dev server reloads modules, so the client is kept on
// globalThis to avoid opening a new pool on every reload.
const globalForDb = globalThis as unknown as { segelDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.segelDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.segelDb = db;

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The database clock: the only clock that decides deadlines and audit times. */
export async function dbNow(client: Db | Tx = db): Promise<Date> {
  const rows = await client.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', segel_now()) AS now`;
  return rows[0]!.now;
}
