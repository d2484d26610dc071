import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import * as tar from "tar";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { db } from "@/server/db";
import { bundleManifestSchema } from "../domain/bundle-format";
import { exportTenderToFile } from "./export-tender";
import { backupFilesSource } from "./write-bundle";

// The source may be the hacked server: the export must work from a restored backup, its
// database at another URL and its files in a backup's files/ folder, and never write to it.
// This file's only test disconnects the shared client to clone its database (a clone needs
// the source database without sessions), so it lives alone.

const clientFor = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });

async function cloneDatabase(liveUrl: string): Promise<string> {
  const live = new URL(liveUrl);
  const source = live.pathname.slice(1);
  const copy = `${source}_restored`;
  const admin = new pg.Client({ connectionString: process.env.SEGEL_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [source],
    );
    await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${source}"`);
  } finally {
    await admin.end();
  }
  live.pathname = `/${copy}`;
  return live.toString();
}

async function dropDatabase(url: string) {
  const admin = new pg.Client({ connectionString: process.env.SEGEL_TEST_ADMIN_URL });
  await admin.connect();
  await admin
    .query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
    .finally(() => admin.end());
}

describe("tender export from a restored backup", () => {
  it("reads the restored database and the backup's files, records nothing anywhere, and the command prints the manifest's hash", async () => {
    const { tender } = await makeSealedBidTender();
    const bidder = await makeBidder(tender.id);
    await stageBidFile(bidder.actor, tender.id, bidPdf("harga-cadangan", 10_000), "HARGA");
    const files = await db.bidFile.findMany({ where: { tenderId: tender.id } });

    // the backup's copy of the file store: <root>/files/<area>/<id> (backup/domain/layout.ts)
    const backupRoot = mkdtempSync(path.join(os.tmpdir(), "segel-backup-copy-"));
    for (const f of files) {
      mkdirSync(path.join(backupRoot, "files", "sealed"), { recursive: true });
      copyFileSync(
        path.join(process.env.SEGEL_FILE_STORE!, "sealed", f.storageKey.slice(0, 2), f.storageKey),
        path.join(backupRoot, "files", "sealed", f.storageKey),
      );
    }
    // the live file store is gone (the hacked server): only the backup holds the files
    rmSync(path.join(process.env.SEGEL_FILE_STORE!, "sealed"), { recursive: true, force: true });

    const liveUrl = process.env.DATABASE_URL!;
    await db.$disconnect();
    const restoredUrl = await cloneDatabase(liveUrl);
    const live = clientFor(liveUrl);
    const restored = clientFor(restoredUrl);
    try {
      // after the restore point, the live database changes: the bundle must not see it
      await live.question.create({
        data: {
          tenderId: tender.id,
          vendorId: bidder.vendor.id,
          askedById: bidder.user.id,
          body: "Pertanyaan sesudah titik pemulihan",
          askedAt: new Date(),
        },
      });

      const out = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-export-")), "bundle.tar");
      const result = await exportTenderToFile({
        client: restored,
        code: tender.code,
        out,
        source: backupFilesSource(path.join(backupRoot, "files")),
        live: false,
      });
      expect(result.manifest.counts.BidFile).toBe(1);
      expect(result.manifest.counts.Question).toBe(0);
      const dir = mkdtempSync(path.join(os.tmpdir(), "segel-export-read-"));
      await tar.x({ file: out, cwd: dir, strict: true });
      for (const entry of result.manifest.entries) {
        const bytes = readFileSync(path.join(dir, entry.path));
        expect(bytes.length).toBe(entry.size);
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(entry.sha256);
      }
      // the restored database is only read: no tender.exported there nor on the live one
      expect(await restored.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);
      expect(await live.auditEvent.count({ where: { action: "tender.exported" } })).toBe(0);

      // the command: --database-url and --files (the backup root holding files/ works too)
      const cliOut = path.join(path.dirname(out), "cli.tar");
      const run = (args: string[]) =>
        spawnSync("npx", ["tsx", "--conditions=react-server", "src/cli/segel.ts", "tender", "export", ...args], {
          cwd: process.cwd(),
          env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
          encoding: "utf8",
          timeout: 180_000,
        });
      const done = run(["--code", tender.code, "--out", cliOut, "--database-url", restoredUrl, "--files", backupRoot]);
      expect(done.stderr).not.toMatch(/failed|Error/);
      expect(done.status).toBe(0);
      const printed = /manifest sha256: ([0-9a-f]{64})/.exec(done.stdout)?.[1];
      const manifest = bundleManifestSchema.parse(
        JSON.parse(readFileSync(path.join(await unpackManifest(cliOut), "manifest.json"), "utf8")),
      );
      expect(done.stdout).toContain(manifest.source.instanceKey.fingerprint);
      expect(printed).toMatch(/^[0-9a-f]{64}$/);
      expect(done.stdout).toContain("BidFile 1");

      const bad = run(["--code", tender.code, "--out", cliOut]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("already exists");
      const missing = run(["--out", path.join(path.dirname(out), "x.tar")]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain("--code is required");
      expect(existsSync(path.join(path.dirname(out), "x.tar"))).toBe(false);
    } finally {
      await live.$disconnect();
      await restored.$disconnect();
      await dropDatabase(restoredUrl);
    }
  });
});

async function unpackManifest(file: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "segel-export-cli-"));
  await tar.x({ file, cwd: dir, strict: true, filter: (p) => p === "manifest.json" });
  return dir;
}
