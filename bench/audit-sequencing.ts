// Audited-write throughput and the delay from commit to sequencing in the audit log
// (issue 8, item 2; docs/decisions/0008-audit-transparency-log.md). In-process against a
// throwaway embedded PostgreSQL on localhost; bounded in time and count.
//
//   tsx --conditions=react-server bench/audit-sequencing.ts [--root DIR] [--seconds 10]
//       [--writers 8] [--hold-ms 0] [--batch-every-ms 1000] [--batch-hold-ms 300]
//       [--interval-ms 1000] [--pg-port 54351]
//
// Writers each run transactions that record one audit event (and stay open --hold-ms
// after it). Once every --batch-every-ms a "worker batch" records an event and stays open
// --batch-hold-ms, as the schedule worker's 100-tender transaction does. With --root at a
// checkout from before the transparency log (run from that checkout, so its tsconfig
// resolves "@/"), the same load runs against the old chain lock; there is no sequencer.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startEmbeddedPostgres, freePort } from "../src/cli/embedded-db.mjs";

const { values: opts } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    seconds: { type: "string", default: "10" },
    writers: { type: "string", default: "8" },
    "hold-ms": { type: "string", default: "0" },
    "batch-every-ms": { type: "string", default: "1000" },
    "batch-hold-ms": { type: "string", default: "300" },
    "interval-ms": { type: "string", default: "1000" },
    "pg-port": { type: "string", default: "0" },
  },
});
const root = path.resolve(opts.root);
const seconds = Math.min(Number(opts.seconds), 60);
const writers = Math.min(Number(opts.writers), 64);
const holdMs = Math.min(Number(opts["hold-ms"]), 1000);
const batchEveryMs = Math.max(Number(opts["batch-every-ms"]), 100);
const batchHoldMs = Math.min(Number(opts["batch-hold-ms"]), 5000);
const intervalMs = Math.max(Number(opts["interval-ms"]), 50);

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const summary = (values: number[]) => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: percentile(values, 100),
});

const dir = await mkdtemp(path.join(os.tmpdir(), "segel-bench-audit-"));
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: Number(opts["pg-port"]) || (await freePort()),
  durable: false,
});
try {
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE segel_bench");
  await admin.end();
  const url = server.url("segel_bench");
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "ignore",
  });
  Object.assign(process.env, {
    DATABASE_URL: url,
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "instance-ed25519.pem"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "audit-tree-heads.jsonl"),
  });

  const { db } = await import(path.join(root, "src/server/db.ts"));
  const { recordAuditEvent } = await import(path.join(root, "src/modules/audit/server/record-audit-event.ts"));
  const sequencerFile = path.join(root, "src/modules/audit/server/sequence-audit-log.ts");
  const sequencer = existsSync(sequencerFile) ? await import(sequencerFile) : null;
  const heads = sequencer ? await import(path.join(root, "src/modules/audit/server/write-tree-head.ts")) : null;

  const committedAt = new Map<bigint, number>();
  const writeMs: number[] = [];
  const batchMs: number[] = [];
  const delayMs: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function audited(entityId: string, hold: number): Promise<number> {
    const start = performance.now();
    const { seq } = await db.$transaction(
      async (tx: { $executeRawUnsafe(q: string): Promise<number> }) => {
        const recorded = await recordAuditEvent(tx, {
          actor: null,
          action: "bench.write",
          entityType: "Bench",
          entityId,
          data: { at: Date.now() },
        });
        if (hold > 0) await tx.$executeRawUnsafe(`SELECT pg_sleep(${hold / 1000})`);
        return recorded;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    const end = performance.now();
    committedAt.set(seq, end);
    return end - start;
  }

  async function writer(id: number) {
    for (let i = 0; performance.now() < deadline; i++) writeMs.push(await audited(`w${id}-${i}`, holdMs));
  }
  async function workerBatch() {
    while (performance.now() < deadline) {
      batchMs.push(await audited("batch", batchHoldMs));
      await sleep(batchEveryMs);
    }
  }
  let headsWritten = 0;
  async function sequencerLoop() {
    let logged = 0n;
    const pass = async () => {
      await sequencer.sequenceAuditLog({ limit: 100_000 });
      if (await heads.writeTreeHead()) headsWritten += 1;
      const rows: { eventSeq: bigint }[] = await db.auditLogEntry.findMany({
        where: { logIndex: { gte: logged } },
        select: { eventSeq: true },
      });
      const now = performance.now();
      for (const row of rows) {
        const at = committedAt.get(row.eventSeq);
        if (at !== undefined) delayMs.push(now - at);
      }
      logged += BigInt(rows.length);
    };
    while (performance.now() < deadline) {
      await pass();
      await sleep(intervalMs);
    }
    await sleep(200);
    await pass();
  }

  await Promise.all([
    ...Array.from({ length: writers }, (_, i) => writer(i)),
    workerBatch(),
    ...(sequencer ? [sequencerLoop()] : []),
  ]);
  const verify = sequencer
    ? await (await import(path.join(root, "src/modules/audit/server/verify-audit-log.ts"))).verifyAuditLog()
    : null;
  console.log(
    JSON.stringify(
      {
        code: sequencer ? "transparency log (no lock in user transactions)" : "hash chain (one advisory lock)",
        root,
        load: {
          seconds,
          writers,
          holdMs,
          batchEveryMs,
          batchHoldMs,
          sequencerIntervalMs: sequencer ? intervalMs : null,
        },
        audited: {
          writes: writeMs.length,
          perSecond: Math.round(writeMs.length / seconds),
          latencyMs: summary(writeMs),
        },
        workerBatchLatencyMs: summary(batchMs),
        commitToSequencedMs: sequencer ? summary(delayMs) : null,
        headsWritten: sequencer ? headsWritten : null,
        check: verify ? { ok: verify.ok, checked: verify.checked, pending: verify.pending } : null,
      },
      null,
      2,
    ),
  );
  await db.$disconnect();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
