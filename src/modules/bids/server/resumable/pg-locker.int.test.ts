import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

describe("PgLocker across processes", () => {
  it("lets one holder at a time write an upload and asks the holder in another process to let go", async () => {
    const { PgLocker } = await import("./pg-locker");
    // two lockers, two PostgreSQL sessions: two web processes behind the balancer
    const [one, two] = [new PgLocker(process.env.DATABASE_URL!), new PgLocker(process.env.DATABASE_URL!)];
    try {
      const id = randomUUID().replace(/-/g, "");
      const first = one.newLock(id);
      let askedToRelease = () => {};
      const asked = new Promise<void>((resolve) => (askedToRelease = resolve));
      await first.lock(new AbortController().signal, () => askedToRelease());
      const second = two.newLock(id);
      let secondHeld = false;
      const waiting = second.lock(new AbortController().signal, () => {}).then(() => (secondHeld = true));
      await asked; // the NOTIFY reached the first process
      expect(secondHeld).toBe(false);
      await first.unlock();
      await waiting;
      expect(secondHeld).toBe(true);
      // and the first cannot take it back until the second lets go
      const again = one.newLock(id);
      const aborted = new AbortController();
      const retry = again.lock(aborted.signal, () => {});
      aborted.abort();
      await expect(retry).rejects.toMatchObject({ status_code: 400 });
      await second.unlock();
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
