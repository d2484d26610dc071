// The last minutes before a bid deadline (issue 9): N vendors each stage 3 files and submit
// a bid, their arrivals spread evenly over a window, against a demo tender in its bid
// stage with a Pokja opening key. Vendors, registrations and sessions are made in SQL
// beforehand (not timed). Afterwards every acknowledged bid is checked: in the database
// exactly once, with its 3 files bound; its receipt verifies with the instance public key;
// every sealed file is in the store and its ciphertext hashes to the recorded SHA-256.
// Loopback only; bounded by --vendors (at most 2,000) and a 5-minute cap on the run.
//
//   tsx bench/deadline-spike.ts [--root DIR] [--cluster] [--vendors 600] [--window 10]
//       [--mb 2] [--port N] [--out results.json]
//   tsx bench/deadline-spike.ts --vendors 1000 --window 60      (the long run)
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  createPrivateKey,
  createPublicKey,
} from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { verifyReceipt } from "../src/modules/bids/domain/verify-receipt";
import {
  detectTus,
  fetchReceipt,
  findActionId,
  submitBid,
  uploadFile,
  type StagedFile,
  type Vendor,
} from "./lib/bidder-client";
import {
  databaseCpuMs,
  freePort,
  BENCH_SECRET,
  migrateAndSeed,
  nodeRssMb,
  sleep,
  startDatabase,
  startPortal,
  treeCpuMs,
} from "./lib/portal";
import { markdownTable, round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    cluster: { type: "boolean", default: false },
    vendors: { type: "string", default: "600" },
    window: { type: "string", default: "10" },
    mb: { type: "string", default: "2" },
    port: { type: "string", default: "0" },
    out: { type: "string" },
  },
});
const root = path.resolve(opts.root);
const vendorCount = Math.min(Number(opts.vendors), 2_000);
const windowMs = Math.min(Number(opts.window), 300) * 1000;
const fileBytes = Math.min(Number(opts.mb), 20) * 1_048_576;
const PARTS = ["ADMINISTRASI", "TEKNIS", "HARGA"];
const RUN_CAP_MS = 5 * 60_000;

/** N verified vendors, a PENYEDIA user each, registered for the tender, each with a live session. */
async function prepareVendors(url: string, tenderId: string): Promise<{ userId: string; sessionId: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `
      INSERT INTO "Vendor" (id, name, "businessForm", npwp, nib, address, city, province, email, kbli, status, "verifiedAt")
      SELECT gen_random_uuid(), 'CV Spike ' || v, 'CV', '7' || lpad(v::text, 14, '0'), '6' || lpad(v::text, 12, '0'),
        'Jl. Spike ' || v, 'Kota Jayapura', 'Papua', 'spike' || v || '@bench.test', ARRAY['41011'], 'VERIFIED', now() - interval '30 days'
      FROM generate_series(1, $1::int) v`,
      [vendorCount],
    );
    // a password no one can type: these users only ever use the session made here
    await client.query(`
      INSERT INTO "User" (id, email, name, "passwordHash", "vendorId", "updatedAt")
      SELECT gen_random_uuid(), email, 'Penyedia ' || name, '$argon2id$v=19$m=19456,t=2,p=1$bm9uZQ$bm9uZQ', id, now()
      FROM "Vendor" WHERE npwp LIKE '7%' AND email LIKE 'spike%@bench.test'`);
    await client.query(`
      INSERT INTO "RoleMembership" (id, "userId", role) SELECT gen_random_uuid(), u.id, 'PENYEDIA' FROM "User" u WHERE u.email LIKE 'spike%@bench.test'`);
    await client.query(
      `
      INSERT INTO "TenderParticipant" ("tenderId", "vendorId", "registeredAt")
      SELECT $1::uuid, id, now() - interval '1 day' FROM "Vendor" WHERE email LIKE 'spike%@bench.test'`,
      [tenderId],
    );
    const { rows } = await client.query<{ userId: string; sessionId: string }>(`
      INSERT INTO "UserSession" (id, "userId", "expiresAt")
      SELECT gen_random_uuid(), id, now() + interval '1 day' FROM "User" WHERE email LIKE 'spike%@bench.test'
      RETURNING "userId", id AS "sessionId"`);
    await client.query("COMMIT");
    return rows;
  } finally {
    await client.end();
  }
}

/** A demo tender whose bid window is open now (database clock) and has a while to run. */
async function findOpenTender(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`
      SELECT t.id FROM "Tender" t JOIN "TenderOpeningKey" k ON k."tenderId" = t.id
      JOIN "TenderStage" s ON s."tenderId" = t.id AND s.kind = 'UPLOAD_PENAWARAN'
      WHERE t.status = 'PUBLISHED' AND s."startsAt" <= segel_now() AND s."endsAt" > segel_now() + interval '1 hour'
      ORDER BY s."endsAt" LIMIT 1`);
    if (!rows[0]) throw new Error("no demo tender in its bid stage");
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** A PDF-looking file (the portal accepts documents by their first bytes), unique per vendor and part. */
const makeFile = (bytes: number) =>
  Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), randomBytes(bytes - 16)]);

interface Outcome {
  vendor: number;
  ok: boolean;
  error?: string;
  bidId?: string;
  idempotencyKey: string;
  uploadMs?: number;
  submitMs?: number;
  firstByteToReceiptMs?: number;
  receipt?: string;
}

async function runVendor(
  index: number,
  vendor: Vendor,
  actionId: string,
  tus: Awaited<ReturnType<typeof detectTus>>,
  startAt: number,
  idempotencyKey: string,
): Promise<Outcome> {
  await sleep(Math.max(0, startAt - Date.now()));
  const t0 = performance.now();
  try {
    const staged = await Promise.all(
      PARTS.map((part) => uploadFile(vendor, part, `${part.toLowerCase()}-${index}.pdf`, makeFile(fileBytes), tus)),
    );
    const t1 = performance.now();
    const files: StagedFile[] = staged.map((f) => (f.openProof ? { id: f.id, openProof: f.openProof } : { id: f.id }));
    const reply = await submitBid(vendor, actionId, {
      price: String(1_000_000_000 + index * 1000),
      files,
      idempotencyKey,
    });
    const t2 = performance.now();
    if (!reply.ok || !reply.data)
      return { vendor: index, ok: false, idempotencyKey, error: `${reply.code}: ${reply.message}` };
    return {
      vendor: index,
      ok: true,
      idempotencyKey,
      bidId: reply.data.bidId,
      uploadMs: t1 - t0,
      submitMs: t2 - t1,
      firstByteToReceiptMs: t2 - t0,
    };
  } catch (error) {
    return { vendor: index, ok: false, idempotencyKey, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every stored file under the store, by its name (the layout differs between checkouts). */
function indexStore(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) indexStore(full, into);
    else into.set(name, full);
  }
  return into;
}

async function checkBids(
  url: string,
  outcomes: Outcome[],
  publicKey: ReturnType<typeof createPublicKey>,
  store: string | null,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const acknowledged = outcomes.filter((o) => o.ok);
    const { rows } = await client.query<{
      idempotencyKey: string;
      id: string;
      status: string;
      files: number;
      vendors: number;
    }>(
      `
      SELECT b."idempotencyKey", b.id, b.status, (SELECT count(*)::int FROM "BidFile" f WHERE f."bidId" = b.id) AS files
      FROM "Bid" b WHERE b."idempotencyKey" = ANY($1::text[])`,
      [outcomes.map((o) => o.idempotencyKey)],
    );
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) byKey.set(row.idempotencyKey, [...(byKey.get(row.idempotencyKey) ?? []), row]);
    const { rows: perVendor } = await client.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId"
      WHERE v.email LIKE 'spike%@bench.test' AND b.status = 'SUBMITTED' GROUP BY b."vendorId" HAVING count(*) > 1`);
    const { rows: fileRows } = await client.query<{ storageKey: string; ciphertextSha256: string }>(
      `
      SELECT f."storageKey", f."ciphertextSha256" FROM "BidFile" f WHERE f."bidId" = ANY($1::uuid[])`,
      [acknowledged.map((o) => o.bidId!)],
    );
    const files = store ? indexStore(store) : null;
    let filesMissing = 0;
    let hashMismatch = 0;
    if (files) {
      for (const f of fileRows) {
        const found = files.get(f.storageKey);
        if (!found) filesMissing += 1;
        else if (createHash("sha256").update(readFileSync(found)).digest("hex") !== f.ciphertextSha256)
          hashMismatch += 1;
      }
    }
    let receiptsInvalid = 0;
    for (const o of acknowledged) if (!o.receipt || !verifyReceipt(o.receipt, publicKey).valid) receiptsInvalid += 1;
    return {
      acknowledged: acknowledged.length,
      acknowledgedNotInDatabase: acknowledged.filter((o) => (byKey.get(o.idempotencyKey) ?? []).length === 0).length,
      acknowledgedStoredTwice: acknowledged.filter((o) => (byKey.get(o.idempotencyKey) ?? []).length > 1).length,
      acknowledgedWithout3Files: acknowledged.filter((o) =>
        (byKey.get(o.idempotencyKey) ?? []).some((r) => r.files !== PARTS.length),
      ).length,
      vendorsWithTwoSubmittedBids: perVendor.length,
      refusedButStored: outcomes.filter((o) => !o.ok && (byKey.get(o.idempotencyKey) ?? []).length > 0).length,
      receiptsInvalid,
      sealedFilesChecked: files ? fileRows.length : null,
      sealedFilesMissing: files ? filesMissing : null,
      sealedFileHashMismatch: files ? hashMismatch : null,
    };
  } finally {
    await client.end();
  }
}

const database = await startDatabase();
const keyDir = path.join(database.dir, "keys");
const fileStore = path.join(database.dir, "files");
let portal: Awaited<ReturnType<typeof startPortal>> | null = null;
try {
  console.error(`[bench] migrating and seeding ${root} ...`);
  // the keys are made here, as a cluster's operator would, so every instance and the seed share them
  const { mkdir } = await import("node:fs/promises");
  await mkdir(keyDir, { recursive: true });
  const instanceKeyFile = path.join(keyDir, "instance-ed25519.pem");
  await writeFile(
    instanceKeyFile,
    generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    { mode: 0o600 },
  );
  await writeFile(path.join(keyDir, "at-rest.key"), `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  const env = {
    SEGEL_INSTANCE_KEY_FILE: instanceKeyFile,
    SEGEL_AT_REST_KEY_FILE: path.join(keyDir, "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(keyDir, "audit-tree-heads.jsonl"),
    SEGEL_FILE_STORE: fileStore,
  };
  migrateAndSeed(root, database.url, env);
  const tenderId = await findOpenTender(database.url);
  const sessions = await prepareVendors(database.url, tenderId);
  portal = await startPortal(root, database.url, {
    port: Number(opts.port) || (await freePort()),
    cluster: opts.cluster,
    env,
  });
  const baseUrl = portal.baseUrl;
  const vendors: Vendor[] = await Promise.all(
    sessions.map(async (s) => ({
      baseUrl,
      tenderId,
      cookie: `next-auth.session-token=${await encode({ token: { sub: s.userId, sid: s.sessionId }, secret: BENCH_SECRET })}`,
    })),
  );
  const actionId = findActionId(root, "submitBidAction");
  const tus = await detectTus(baseUrl, vendors[0]!.cookie);
  // one vendor's page first: compiles the route and proves the session works
  const page = await fetch(`${baseUrl}/penyedia/penawaran/${tenderId}`, {
    headers: { cookie: vendors[0]!.cookie },
    redirect: "manual",
  });
  if (page.status !== 200) throw new Error(`the bid page answered ${page.status} for a prepared vendor`);

  console.error(
    `[bench] ${vendorCount} vendors x ${PARTS.length} files x ${fileBytes / 1_048_576} MB over ${windowMs / 1000} s (${tus ? "tus" : "POST /api/bids/files"}) ...`,
  );
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(nodeRssMb(portal!.pid)[0] ?? 0), 500);
  rss.push(nodeRssMb(portal.pid)[0] ?? 0);
  // CPU time is what the spike costs however busy the machine is: the portal (web and
  // worker processes), PostgreSQL, and this process (the vendors' side)
  const cpuBefore = {
    portal: treeCpuMs(portal.pid),
    database: databaseCpuMs(database.dir),
    vendors: process.cpuUsage(),
  };
  const start = Date.now() + 500;
  // a vendor still waiting at the cap counts as an error (its bid may still land: checked below)
  const finished = new Map<number, Outcome>();
  const keys = vendors.map(() => randomUUID());
  const run = Promise.all(
    vendors.map((v, i) =>
      runVendor(i, v, actionId, tus, start + Math.floor((i * windowMs) / vendorCount), keys[i]!).then((o) =>
        finished.set(i, o),
      ),
    ),
  );
  await Promise.race([run, sleep(RUN_CAP_MS)]);
  clearInterval(sampler);
  rss.push(nodeRssMb(portal.pid)[0] ?? 0);
  const spikeSeconds = (Date.now() - start) / 1000;
  const vendorCpu = process.cpuUsage(cpuBefore.vendors);
  const cpuMs = {
    portal: Math.round(treeCpuMs(portal.pid) - cpuBefore.portal),
    database: Math.round(databaseCpuMs(database.dir) - cpuBefore.database),
    vendors: Math.round((vendorCpu.user + vendorCpu.system) / 1000),
  };
  const outcomes: Outcome[] = vendors.map(
    (_, i) =>
      finished.get(i) ?? {
        vendor: i,
        ok: false,
        idempotencyKey: keys[i]!,
        error: `no answer within ${RUN_CAP_MS / 60_000} minutes`,
      },
  );
  // receipts are fetched after the spike: the check is that they exist and verify
  for (const o of outcomes)
    if (o.ok) o.receipt = await fetchReceipt(vendors[o.vendor]!, o.bidId!).catch(() => undefined);

  const publicKey = createPublicKey(createPrivateKey(readFileSync(instanceKeyFile, "utf8")));
  const checks = await checkBids(database.url, outcomes, publicKey, opts.cluster ? null : fileStore);
  const ok = outcomes.filter((o) => o.ok);
  const errors = new Map<string, number>();
  for (const o of outcomes)
    if (!o.ok) errors.set(o.error!.slice(0, 120), (errors.get(o.error!.slice(0, 120)) ?? 0) + 1);
  const report = {
    bench: "deadline-spike",
    root,
    cluster: opts.cluster,
    upload: tus ? "tus" : "POST /api/bids/files",
    machine: {
      cores: os.availableParallelism(),
      node: process.version,
      loadAfter: os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" "),
    },
    load: { vendors: vendorCount, files: PARTS.length, mbEach: fileBytes / 1_048_576, windowSeconds: windowMs / 1000 },
    spikeSeconds: round(spikeSeconds),
    errors: outcomes.length - ok.length,
    errorKinds: Object.fromEntries(errors),
    uploadMs: summarize(ok.map((o) => o.uploadMs!)),
    submitMs: summarize(ok.map((o) => o.submitMs!)),
    firstByteToReceiptMs: summarize(ok.map((o) => o.firstByteToReceiptMs!)),
    serverRssMb: { start: round(rss[0]!), peak: round(Math.max(...rss)), end: round(rss.at(-1)!) },
    cpuMs,
    // per file acknowledged: what one 3-file bid costs the portal and PostgreSQL, and so how
    // many cores the target window needs whatever this machine has
    cpuMsPerFile: {
      portal: round(cpuMs.portal / Math.max(1, ok.length * PARTS.length)),
      database: round(cpuMs.database / Math.max(1, ok.length * PARTS.length)),
    },
    checks,
  };
  if (opts.out) await writeFile(opts.out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `\n${root}${opts.cluster ? " (cluster)" : ""}: ${vendorCount} vendors x ${PARTS.length} x ${fileBytes / 1_048_576} MB in ${windowMs / 1000} s\n\n` +
      markdownTable(
        [
          "acknowledged",
          "errors",
          "submit p50 ms",
          "submit p95 ms",
          "first byte to receipt p95 ms",
          "RSS MB start/peak/end",
          "CPU s portal/db/vendors",
          "portal CPU ms per file",
          "lost",
          "duplicated",
          "receipts invalid",
          "files missing/bad",
        ],
        [
          [
            `${ok.length}/${vendorCount}`,
            report.errors,
            report.submitMs.p50,
            report.submitMs.p95,
            report.firstByteToReceiptMs.p95,
            `${report.serverRssMb.start}/${report.serverRssMb.peak}/${report.serverRssMb.end}`,
            `${round(cpuMs.portal / 1000)}/${round(cpuMs.database / 1000)}/${round(cpuMs.vendors / 1000)}`,
            report.cpuMsPerFile.portal,
            checks.acknowledgedNotInDatabase + checks.acknowledgedWithout3Files,
            checks.acknowledgedStoredTwice + checks.vendorsWithTwoSubmittedBids,
            checks.receiptsInvalid,
            checks.sealedFilesMissing === null
              ? "not checked (object store)"
              : `${checks.sealedFilesMissing}/${checks.sealedFileHashMismatch}`,
          ],
        ],
      ),
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await portal?.stop();
  await database.stop();
}
