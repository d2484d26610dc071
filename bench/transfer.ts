// What moving a tender costs (issue 13; docs/decisions/0040): a tender with 50 sealed bids
// of 3 files each, exported as one signed bundle, verified, and imported into a second
// instance (its own database, file store and a fresh instance key). Reports the median of
// --runs runs of each step, the bundle's size and each step's peak RSS.
//
//   tsx --conditions=react-server bench/transfer.ts [--bids 50] [--files 3] [--min-mb 1]
//       [--max-mb 5] [--runs 3] [--out FILE] [--keep]
//
// The bids go through the real use cases (uploadBidFile seals each file under the tender's
// key, submitBid signs the receipt), so the bundle carries real ciphertext; the plaintext is
// a PDF header and random bytes, sizes spread evenly from --min-mb to --max-mb. Export and
// import run as the operator runs them (`npm run segel -- tender export|import`), each in its
// own process under /usr/bin/time, so the times include the command's start (measured alone
// as `startSeconds`) and the RSS is that command's. Verification (unpack, then every size,
// hash and the signature, nothing written) runs in a process of its own too (--step verify).
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { allowAppLogin, APP_ROLE, ensureDatabase, urlAs } from "../src/cli/embedded-db.mjs";
import { migrateAndSeed, sql, startDatabase } from "./lib/portal";
import { markdownTable, round } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    bids: { type: "string", default: "50" },
    files: { type: "string", default: "3" },
    "min-mb": { type: "string", default: "1" },
    "max-mb": { type: "string", default: "5" },
    runs: { type: "string", default: "3" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
    // export and verify only (a checkout without the import command)
    "skip-import": { type: "boolean", default: false },
    // the child processes' own modes (below)
    step: { type: "string" },
    in: { type: "string" },
    fingerprint: { type: "string" },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.error(`[bench:transfer] ${line}`);
const MB = 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

// ---------------------------------------------------------------- child: populate the source
async function populate(): Promise<void> {
  const bids = Math.min(Math.max(Number(opts.bids), 1), 500);
  const files = Math.min(Math.max(Number(opts.files), 1), 5);
  const minBytes = Math.max(Number(opts["min-mb"]), 0.01) * MB;
  const maxBytes = Math.max(Number(opts["max-mb"]) * MB, minBytes);
  const f = await import("../tests/factories");
  const { submitBid } = await import("../src/modules/bids/server/submit-bid");
  const { getInstanceKey } = await import("../src/server/instance-key");
  const { keyFingerprint } = await import("../src/modules/bids/domain/verify-receipt");
  const { db } = await import("../src/server/db");
  const made = await f.makeSealedBidTender({ pokjaSize: 3, uploadEndsInMs: 7 * 24 * 3_600_000 });
  const parts = ["ADMINISTRASI", "TEKNIS", "HARGA", "KUALIFIKASI"] as const;
  let plainBytes = 0;
  const total = bids * files;
  for (let b = 0; b < bids; b++) {
    const bidder = await f.makeBidder(made.tender.id);
    const ids: { id: string }[] = [];
    for (let i = 0; i < files; i++) {
      const n = b * files + i;
      const size = Math.round(minBytes + ((maxBytes - minBytes) * n) / Math.max(total - 1, 1));
      const content = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(size - 9)]);
      plainBytes += content.length;
      const part = parts[i % parts.length]!;
      ids.push({ id: (await f.stageBidFile(bidder.actor, made.tender.id, content, part, `${part}-${i}.pdf`)).id });
    }
    await submitBid(bidder.actor, {
      integrityPact: true,
      tenderId: made.tender.id,
      price: 1_000_000_000n + BigInt(b),
      files: ids,
      idempotencyKey: `bench-transfer-${b}`,
    });
    if ((b + 1) % 10 === 0) log(`  ${b + 1} bids`);
  }
  const sealed = await db.bidFile.aggregate({ where: { tenderId: made.tender.id }, _sum: { sizeBytes: true } });
  const { publicKey } = await getInstanceKey();
  console.log(
    JSON.stringify({
      code: made.tender.code,
      tenderId: made.tender.id,
      bids,
      files: total,
      plainMb: round(plainBytes / MB, 1),
      sealedMb: round(Number(sealed._sum.sizeBytes ?? 0) / MB, 1),
      fingerprint: keyFingerprint(publicKey),
    }),
  );
  await db.$disconnect();
}

// ---------------------------------------------------------------- child: verify only
async function verifyOnly(): Promise<void> {
  const { unpackBundle, discardBundle } = await import("../src/modules/transfer/server/read-bundle");
  const { verifyBundle } = await import("../src/modules/transfer/server/verify-bundle");
  const newest = readdirSync(path.join(root, "prisma/migrations"))
    .filter((name) => /^\d{14}_/.test(name))
    .sort()
    .at(-1)!;
  let t = performance.now();
  const bundle = await unpackBundle(opts.in!);
  const unpackMs = performance.now() - t;
  t = performance.now();
  try {
    const verified = await verifyBundle(bundle, { expectedFingerprint: opts.fingerprint!, localMigration: newest });
    const checkMs = performance.now() - t;
    console.log(
      JSON.stringify({
        unpackMs,
        checkMs,
        entries: verified.manifest.entries.length,
        counts: verified.manifest.counts,
      }),
    );
  } finally {
    await discardBundle(bundle);
  }
}

if (opts.step === "populate") {
  await populate();
  process.exit(0);
}
if (opts.step === "verify") {
  await verifyOnly();
  process.exit(0);
}

// ---------------------------------------------------------------- the parent: orchestrate and time
const tsx = path.join(root, "node_modules/.bin/tsx");

/** Runs a command under /usr/bin/time; its wall seconds, peak RSS (MB) and standard output. */
function timed(args: string[], env: Record<string, string>, what: string) {
  const timeFile = path.join(os.tmpdir(), `segel-bench-time-${process.pid}`);
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", "-o", timeFile, tsx, "--conditions=react-server", ...args], {
    cwd: root,
    env: { ...process.env, ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${what} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const rssMb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) / 1024;
  rmSync(timeFile, { force: true });
  return { seconds, rssMb, stdout: run.stdout };
}

const lastJson = (stdout: string) =>
  JSON.parse(
    stdout
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .at(-1)!,
  );

const runs = Math.min(Math.max(Number(opts.runs), 1), 9);
const db = await startDatabase();
const dir = db.dir;
const result: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores (shared), load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
};
try {
  const appPassword = "bench-app-password";
  const postgresUrl = new URL(db.url);
  postgresUrl.pathname = "/postgres";
  // the source: migrated and seeded (the demo), the app role as in production
  await allowAppLogin(db.url, appPassword);
  log("migrating and seeding the source ...");
  migrateAndSeed(root, db.url);
  // the receiving side's template: the same checkout, migrated and seeded once; each run
  // imports into a fresh copy of it with its own store and a key of its own
  await ensureDatabase(postgresUrl.toString(), "segel_target_template");
  const templateUrl = new URL(db.url);
  templateUrl.pathname = "/segel_target_template";
  log("migrating and seeding the receiving template ...");
  migrateAndSeed(root, templateUrl.toString());

  const sourceEnv = {
    DATABASE_URL: urlAs(db.url, APP_ROLE, appPassword),
    SEGEL_FILE_STORE: path.join(dir, "source-files"),
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "source-keys", "instance-ed25519.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "source-keys", "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "source-keys", "audit-tree-heads.jsonl"),
    SEGEL_BACKUP: "0",
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
  };
  log(`populating: ${opts.bids} bids of ${opts.files} files, ${opts["min-mb"]}-${opts["max-mb"]} MB each ...`);
  const populated = timed(["bench/transfer.ts", "--step", "populate", ...passOn()], sourceEnv, "populate");
  const source = lastJson(populated.stdout);
  result.tender = { ...source, populateSeconds: round(populated.seconds) };
  log(`tender ${source.code}: ${source.files} files, ${source.sealedMb} MB sealed`);

  // a command's start alone (tsx, the CLI's imports), to read the step times against
  result.startSeconds = round(timed(["src/cli/segel.ts", "tender", "help"], sourceEnv, "start").seconds, 2);

  const steps: Record<"export" | "verify" | "import", { seconds: number[]; rssMb: number[] }> = {
    export: { seconds: [], rssMb: [] },
    verify: { seconds: [], rssMb: [] },
    import: { seconds: [], rssMb: [] },
  };
  const verifyParts: { unpackMs: number[]; checkMs: number[] } = { unpackMs: [], checkMs: [] };
  let bundleBytes = 0;
  for (let run = 1; run <= runs; run++) {
    const bundle = path.join(dir, `bundle-${run}.tar`);
    const exported = timed(
      ["src/cli/segel.ts", "tender", "export", "--code", source.code, "--out", bundle],
      sourceEnv,
      "export",
    );
    steps.export.seconds.push(exported.seconds);
    steps.export.rssMb.push(exported.rssMb);
    bundleBytes = statSync(bundle).size;

    const verified = timed(
      ["bench/transfer.ts", "--step", "verify", "--in", bundle, "--fingerprint", source.fingerprint],
      sourceEnv,
      "verify",
    );
    steps.verify.seconds.push(verified.seconds);
    steps.verify.rssMb.push(verified.rssMb);
    const parts = lastJson(verified.stdout);
    verifyParts.unpackMs.push(parts.unpackMs);
    verifyParts.checkMs.push(parts.checkMs);
    result.manifestCounts = parts.counts;
    result.entries = parts.entries;

    if (opts["skip-import"]) {
      log(`run ${run}: export ${round(exported.seconds)} s, verify ${round(verified.seconds)} s`);
      rmSync(bundle, { force: true });
      continue;
    }
    const target = `segel_target_${run}`;
    await sql(postgresUrl.toString(), [
      `DROP DATABASE IF EXISTS ${target} WITH (FORCE)`,
      `CREATE DATABASE ${target} TEMPLATE segel_target_template`,
    ]);
    const targetUrl = new URL(db.url);
    targetUrl.pathname = `/${target}`;
    const keys = path.join(dir, `target-${run}-keys`);
    mkdirSync(keys, { recursive: true });
    // the receiving LPSE has a key of its own before it imports (the command refuses otherwise)
    writeFileSync(
      path.join(keys, "instance-ed25519.pem"),
      generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
      { mode: 0o600 },
    );
    const imported = timed(
      [
        "src/cli/segel.ts",
        "tender",
        "import",
        "--in",
        bundle,
        "--agency",
        "KEMENPU",
        "--admin",
        "admin.lpse@segel.test",
        "--source-key",
        source.fingerprint,
      ],
      {
        ...sourceEnv,
        DATABASE_URL: urlAs(targetUrl.toString(), APP_ROLE, appPassword),
        SEGEL_FILE_STORE: path.join(dir, `target-${run}-files`),
        SEGEL_INSTANCE_KEY_FILE: path.join(keys, "instance-ed25519.pem"),
        SEGEL_AT_REST_KEY_FILE: path.join(keys, "at-rest.key"),
        SEGEL_AUDIT_HEADS_FILE: path.join(keys, "audit-tree-heads.jsonl"),
      },
      "import",
    );
    steps.import.seconds.push(imported.seconds);
    steps.import.rssMb.push(imported.rssMb);
    log(
      `run ${run}: export ${round(exported.seconds)} s, verify ${round(verified.seconds)} s, import ${round(imported.seconds)} s`,
    );
    // the runs' copies are not needed once measured; the disk holds one run at a time
    rmSync(bundle, { force: true });
    rmSync(path.join(dir, `target-${run}-files`), { recursive: true, force: true });
  }
  result.bundleMb = round(bundleBytes / MB, 1);
  result.steps = Object.fromEntries(
    Object.entries(steps)
      .filter(([, s]) => s.seconds.length > 0)
      .map(([name, s]) => [
        name,
        {
          medianSeconds: round(median(s.seconds), 2),
          runsSeconds: s.seconds.map((x) => round(x, 2)),
          peakRssMb: round(Math.max(...s.rssMb), 0),
        },
      ]),
  );
  result.verifyParts = {
    unpackMedianSeconds: round(median(verifyParts.unpackMs) / 1000, 2),
    checkMedianSeconds: round(median(verifyParts.checkMs) / 1000, 2),
  };
  const rows = (Object.keys(steps) as (keyof typeof steps)[])
    .filter((name) => steps[name].seconds.length > 0)
    .map((name) => [
      name,
      round(median(steps[name].seconds), 2),
      steps[name].seconds.map((x) => round(x, 2)).join(" / "),
      round(Math.max(...steps[name].rssMb), 0),
    ]);
  console.log(markdownTable(["step", "median s", "runs s", "peak RSS MB"], rows));
  console.log(JSON.stringify(result, null, 2));
  if (opts.out) writeFileSync(opts.out, JSON.stringify(result, null, 2));
} finally {
  if (opts.keep) log(`kept ${dir}`);
  else await db.stop();
}

function passOn(): string[] {
  return ["--bids", opts.bids!, "--files", opts.files!, "--min-mb", opts["min-mb"]!, "--max-mb", opts["max-mb"]!];
}
