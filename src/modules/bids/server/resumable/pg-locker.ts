import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/utils";
import pg from "pg";

/**
 * tus's Locker across processes and machines (docs/decisions/0019): one upload's PATCHes
 * never write at once, whichever instance behind the load balancer receives them.
 *
 * Each process keeps ONE dedicated PostgreSQL session that holds a session-level advisory
 * lock per upload it is writing (one session holds any number of them), so a slow PATCH
 * from Papua does not pin a pooled connection for minutes, and a process that dies takes
 * its locks with it. A request that finds the upload locked asks the holder to let go,
 * the way tus's MemoryLocker does (a resumed client's old connection may still be hanging):
 * in this process directly, in others by NOTIFY to every process's session.
 */
const CHANNEL = "segel_tus_release";
const KEYSPACE = "segel/tus-upload";
/** How long a request waits for a lock before it is answered 500 and tus-js-client retries. Configuration, not law. */
const LOCK_TIMEOUT_MS = 20_000;

export class PgLocker implements Locker {
  readonly tag = randomUUID();
  readonly holders = new Map<string, RequestRelease>();
  private session: Promise<pg.Client> | null = null;

  constructor(private readonly connectionString: string) {}

  newLock(id: string): Lock {
    return new PgLock(this, id);
  }

  async query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    const client = await this.connect();
    return (await client.query<T>(text, values)).rows;
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    await (await session?.catch(() => null))?.end().catch(() => {});
  }

  private connect(): Promise<pg.Client> {
    this.session ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString, application_name: "segel-tus-locker" });
      // A lost session has lost its locks: the next request opens a new one.
      client.on("error", () => {
        this.session = null;
      });
      client.on("notification", (message) => {
        const [from, id] = (message.payload ?? "").split(" ");
        if (message.channel === CHANNEL && from !== this.tag && id) void this.holders.get(id)?.();
      });
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    })().catch((error: unknown) => {
      this.session = null;
      throw error;
    });
    return this.session;
  }
}

class PgLock implements Lock {
  private release: RequestRelease | null = null;

  constructor(
    private readonly locker: PgLocker,
    private readonly id: string,
  ) {}

  async lock(signal: AbortSignal, cancelReq: RequestRelease): Promise<void> {
    const deadline = Date.now() + LOCK_TIMEOUT_MS;
    let asked = false;
    let wait = 10;
    for (;;) {
      if (signal.aborted) throw ERRORS.ABORTED;
      // The map is this process's mutex; the advisory lock is everyone's.
      if (!this.locker.holders.has(this.id)) {
        this.locker.holders.set(this.id, cancelReq);
        if (await this.tryLock()) {
          this.release = cancelReq;
          return;
        }
        this.locker.holders.delete(this.id);
      }
      if (!asked) {
        asked = true;
        await this.locker.holders.get(this.id)?.();
        await this.locker.query("SELECT pg_notify($1, $2)", [CHANNEL, `${this.locker.tag} ${this.id}`]);
      }
      if (Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(wait, undefined, { signal }).catch(() => {});
      wait = Math.min(wait * 2, 250);
    }
  }

  async unlock(): Promise<void> {
    if (!this.release) return;
    if (this.locker.holders.get(this.id) === this.release) this.locker.holders.delete(this.id);
    this.release = null;
    await this.locker
      .query("SELECT pg_advisory_unlock(hashtext($1), hashtext($2))", [KEYSPACE, this.id])
      .catch(() => {});
  }

  private async tryLock(): Promise<boolean> {
    const [row] = await this.locker
      .query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok", [KEYSPACE, this.id])
      .catch(() => [{ ok: false }]);
    return row?.ok === true;
  }
}
