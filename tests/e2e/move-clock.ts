// The end-to-end tiers' way of letting time pass (decision 0006): the database clock moves,
// and with it the heartbeats of the processes that were running all along (issue 13).
import pg from "pg";

/**
 * Moves the clock of the database at `url` forward by `ms` and, in the same transaction,
 * every heartbeat by as much, so the jump is not a silence of the web servers or workers:
 * no outage, no compensation. The beat rows are locked first, so a beat that waits on them
 * reads the new clock once it has them.
 */
export async function moveClock(url: string, ms: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT role FROM "AvailabilityBeat" FOR UPDATE`);
    await client.query(
      `INSERT INTO "TestClockOffset" (id, "offsetMs") VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET "offsetMs" = "TestClockOffset"."offsetMs" + EXCLUDED."offsetMs"`,
      [ms],
    );
    const shift = [`${ms} milliseconds`];
    await client.query(`UPDATE "AvailabilityBeat" SET "lastBeatAt" = "lastBeatAt" + $1::interval`, shift);
    await client.query(`UPDATE "ProcessHeartbeat" SET "beatAt" = "beatAt" + $1::interval`, shift);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
