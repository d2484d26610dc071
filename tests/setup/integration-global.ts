import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { allowAppLogin, APP_ROLE, startEmbeddedPostgres, urlAs, freePort } from "../../src/cli/embedded-db.mjs";
import { prismaCli } from "./prisma-cli";

export const TEMPLATE_DB = "segel_template_test";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    /** the same server, signed in as the application's role (segel_app) like `npm start` */
    appUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the whole integration run: a throwaway embedded cluster, or the
 * server named by TEST_ADMIN_DATABASE_URL. The migrated template is built once here;
 * each worker clones it (tests/setup/integration-worker.ts).
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "segel-test-pg-"));
    // mkdtemp makes the folder private; as root, PostgreSQL runs as the "postgres" user
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      port: await freePort(),
      durable: false,
    });
    adminUrl = server.url("postgres");
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  prismaCli(["migrate", "deploy"], templateUrl.toString());
  // Use cases run as the application's role, so the suite proves the app works within
  // its grants; a password of this run only (the role is cluster-wide).
  const appPassword = randomBytes(18).toString("base64url");
  await allowAppLogin(adminUrl, appPassword);

  project.provide("adminUrl", adminUrl);
  project.provide("appUrl", urlAs(adminUrl, APP_ROLE, appPassword));
  project.provide("templateDb", TEMPLATE_DB);
  process.env.SEGEL_TEST_ADMIN_URL = adminUrl;
  return stop;
}
