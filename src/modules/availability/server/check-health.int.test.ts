import { writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db, dbNow } from "@/server/db";
import { markDraining } from "@/server/drain-state";
import { startS3Server } from "@/tests/setup/s3-server";

const ask = async (query = "") => {
  const response = await GET(new NextRequest(`http://localhost/api/health${query}`));
  return { status: response.status, cache: response.headers.get("cache-control"), body: await response.json() };
};

async function beat(role: "WEB" | "WORKER", secondsAgo: number) {
  const now = await dbNow();
  const beatAt = new Date(now.getTime() - secondsAgo * 1000);
  await db.processHeartbeat.create({
    data: {
      id: `${role}:test:${process.pid}:${beatAt.getTime()}`,
      role,
      host: "test",
      pid: process.pid,
      startedAt: beatAt,
      beatAt,
    },
  });
}

async function completeBackup(hoursAgo: number) {
  const startedAt = new Date(Math.floor(((await dbNow()).getTime() - hoursAgo * 3600_000) / 1000) * 1000);
  await db.backupRun.create({
    data: {
      id: startedAt
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}Z$/, "Z"),
      status: "COMPLETE",
      startedAt,
      finishedAt: startedAt,
      sizeBytes: 1n,
      dataFiles: 1,
      storeObjects: 0,
      restorePointTime: startedAt,
      manifestSha256: "a".repeat(64),
    },
  });
}

const backupFlag = process.env.SEGEL_BACKUP;
afterEach(() => {
  if (backupFlag === undefined) delete process.env.SEGEL_BACKUP;
  else process.env.SEGEL_BACKUP = backupFlag;
});

describe("/api/health", () => {
  it("is ok with a fresh worker beat and a fresh backup, and is never cached", async () => {
    await beat("WORKER", 5);
    await completeBackup(1);
    const { status, cache, body } = await ask();
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    expect(body.status).toBe("ok");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.fileStore).toMatchObject({ ok: true, kind: "local" });
    expect(body.checks.worker).toMatchObject({ ok: true, ageSeconds: expect.any(Number) });
    expect(body.checks.worker.ageSeconds).toBeGreaterThanOrEqual(5);
    expect(body.checks.backup).toMatchObject({ ok: true, state: "fresh", staleHours: 26 });
  });

  it("calls a stale worker degraded: 200 for the load balancer, 503 with strict", async () => {
    await beat("WORKER", 3600);
    await completeBackup(1);
    const plain = await ask();
    expect(plain.status).toBe(200);
    expect(plain.body.status).toBe("degraded");
    expect(plain.body.checks.worker).toMatchObject({ ok: false, ageSeconds: expect.any(Number) });
    expect(plain.body.checks.worker.ageSeconds).toBeGreaterThanOrEqual(3600);
    const strict = await ask("?strict=1");
    expect(strict.status).toBe(503);
    expect(strict.body.status).toBe("degraded");
  });

  it("calls a worker that never beat degraded, not failing", async () => {
    const { status, body } = await ask();
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.checks.worker).toEqual({ ok: false, lastBeatAt: null, ageSeconds: null, staleSeconds: 120 });
  });

  it("reports backups turned off as off, not failing", async () => {
    process.env.SEGEL_BACKUP = "0";
    await beat("WORKER", 1);
    const { status, body } = await ask("?strict=1");
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.checks.backup).toEqual({
      ok: true,
      state: "off",
      lastCompleteAt: null,
      ageSeconds: null,
      staleHours: null,
    });
  });

  it("calls a backup older than the stale hours degraded, and no backup yet pending", async () => {
    await beat("WORKER", 1);
    expect((await ask()).body.checks.backup).toMatchObject({ ok: true, state: "pending" });
    await completeBackup(30);
    const { status, body } = await ask();
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.checks.backup).toMatchObject({ ok: false, state: "stale" });
  });

  it("answers 503 when the file store cannot be written, whatever the worker", async () => {
    await beat("WORKER", 1);
    // the store's folder is a file: nothing can be made under it (root ignores file modes)
    const blocked = path.join(process.env.SEGEL_FILE_STORE!, "not-a-folder");
    writeFileSync(blocked, "x");
    const store = process.env.SEGEL_FILE_STORE!;
    process.env.SEGEL_FILE_STORE = path.join(blocked, "files");
    const { status, body } = await ask().finally(() => (process.env.SEGEL_FILE_STORE = store));
    expect(status).toBe(503);
    expect(body.status).toBe("failing");
    expect(body.checks.fileStore).toMatchObject({ ok: false, kind: null });
    expect(JSON.stringify(body)).not.toContain(blocked);
  });

  it("asks an S3 store with HeadBucket: ok for the bucket, 503 for a bucket that is not there", async () => {
    await beat("WORKER", 1);
    const s3 = await startS3Server();
    const saved = { ...process.env };
    try {
      Object.assign(process.env, s3.env);
      expect((await ask()).body.checks.fileStore).toMatchObject({ ok: true, kind: "s3" });
      process.env.SEGEL_S3_BUCKET = "no-such-bucket";
      const { status, body } = await ask();
      expect(status).toBe(503);
      expect(body.checks.fileStore).toMatchObject({ ok: false });
    } finally {
      for (const name of Object.keys(s3.env)) delete process.env[name];
      Object.assign(process.env, saved);
      await s3.stop();
    }
  });

  it("keeps the file store's answer a few seconds, so a poll every second costs nothing", async () => {
    await beat("WORKER", 1);
    const first = await ask();
    expect(first.body.checks.fileStore.ok).toBe(true);
    const again = await ask();
    expect(again.body.checks.fileStore.checkedAt).toBe(first.body.checks.fileStore.checkedAt);
  });

  it("answers 503 draining once the process got SIGTERM (last: the flag stays for the process)", async () => {
    markDraining();
    const { status, body, cache } = await ask();
    expect(status).toBe(503);
    expect(cache).toBe("no-store");
    expect(body).toEqual({ status: "draining" });
  });
});
