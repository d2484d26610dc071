import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clusterSettingProblems } from "./cluster-settings";

const root = path.resolve(import.meta.dirname, "../..");
let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), "segel-cluster-settings-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function complete() {
  mkdirSync(path.join(dir, "keys"));
  const env = {
    SEGEL_CLUSTER: "1",
    DATABASE_URL: "postgresql://segel_app:x@db/segel",
    NEXTAUTH_SECRET: "shared-secret",
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "keys", "instance.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "keys", "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "keys", "audit-tree-heads.jsonl"),
    SEGEL_OBJECT_STORE: "s3",
    SEGEL_S3_BUCKET: "segel",
    SEGEL_S3_ACCESS_KEY_ID: "id",
    SEGEL_S3_SECRET_ACCESS_KEY: "secret",
  };
  writeFileSync(env.SEGEL_INSTANCE_KEY_FILE, "pem");
  writeFileSync(env.SEGEL_AT_REST_KEY_FILE, "key");
  return env;
}

describe("cluster mode's start check", () => {
  it("accepts a complete cluster's settings, and asks nothing outside cluster mode", () => {
    expect(clusterSettingProblems(complete())).toEqual([]);
    expect(clusterSettingProblems({})).toEqual([]);
  });

  it.each([
    ["DATABASE_URL", /^DATABASE_URL: /],
    ["NEXTAUTH_SECRET", /^NEXTAUTH_SECRET: /],
    ["SEGEL_INSTANCE_KEY_FILE", /^SEGEL_INSTANCE_KEY_FILE: /],
    ["SEGEL_AT_REST_KEY_FILE", /^SEGEL_AT_REST_KEY_FILE: /],
    ["SEGEL_AUDIT_HEADS_FILE", /^SEGEL_AUDIT_HEADS_FILE: /],
    ["SEGEL_OBJECT_STORE", /^SEGEL_OBJECT_STORE=s3 \(with SEGEL_S3_\*\), or SEGEL_FILE_STORE/],
    ["SEGEL_S3_SECRET_ACCESS_KEY", /needs SEGEL_S3_SECRET_ACCESS_KEY/],
  ])("names a missing %s", (setting, message) => {
    expect(clusterSettingProblems({ ...complete(), [setting]: undefined })).toEqual([expect.stringMatching(message)]);
  });

  it("names a key file that was not provisioned", () => {
    const env = complete();
    rmSync(env.SEGEL_AT_REST_KEY_FILE);
    expect(clusterSettingProblems(env)).toEqual([
      `SEGEL_AT_REST_KEY_FILE: ${env.SEGEL_AT_REST_KEY_FILE} does not exist; provision the shared key there.`,
    ]);
  });

  it("a web instance refuses to start without the shared instance key, naming it, and makes no key", () => {
    const env = { ...complete(), SEGEL_INSTANCE_KEY_FILE: "" };
    const cwd = path.join(dir, "machine");
    mkdirSync(cwd);
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "src/cli/serve.ts")], {
      cwd,
      env: { PATH: process.env.PATH, NODE_ENV: "production", ...env, PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("SEGEL_CLUSTER=1 and a shared setting is missing");
    expect(run.stderr).toContain("SEGEL_INSTANCE_KEY_FILE: the key file every instance shares.");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("npm start refuses to start without the shared session secret, naming it, before it starts any database", () => {
    const env = { ...complete(), NEXTAUTH_SECRET: "" };
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "src/cli/start.ts")], {
      cwd: dir,
      env: { PATH: process.env.PATH, NODE_ENV: "production", ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("NEXTAUTH_SECRET: the session secret every instance shares.");
    expect(run.stdout).not.toContain("Starting the embedded PostgreSQL");
  });
});
