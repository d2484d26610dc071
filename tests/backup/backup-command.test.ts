import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runBackupCommand } from "@/cli/backup-command";
import { takeBaseBackup } from "@/modules/backup/server/take-base-backup";
import { manifestPath } from "@/modules/backup/domain/layout";
import { freePort, startRestored } from "@/modules/backup/server/start-restored";
import { until } from "./setup/cluster";
import { ensureClusterRunning, sql, sqlOne, startClusterFrom, world } from "./setup/world";

// `npm run segel -- backup ...` as an operator runs it, against the backup tier's archiving
// cluster (tests/backup/setup/global.ts): its port and data directory are the "live" ones.

let scratch: string;
let setId: string;
let output: string[];

async function command(...args: string[]): Promise<number> {
  output = [];
  const keep = (...parts: unknown[]) => void output.push(parts.map(String).join(" "));
  const log = vi.spyOn(console, "log").mockImplementation(keep);
  const error = vi.spyOn(console, "error").mockImplementation(keep);
  try {
    return await runBackupCommand(args);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  await ensureClusterRunning();
  const w = world();
  scratch = await mkdtemp(path.join(w.root, "backup-command-"));
  process.env.SEGEL_PG_PORT = String(w.port);
  process.env.SEGEL_PG_DATA_DIR = w.dataDir;
  setId = (await takeBaseBackup({ backupUrl: w.backupUrl, dataDir: w.dataDir, backupRoot: w.backupDir })).setId;
  // run alone, the tier's store may be empty: its backup is then an empty files/
  await mkdir(path.join(w.backupDir, "files"), { recursive: true });
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("backup command", () => {
  it("lists the sets", async () => {
    expect(await command("list")).toBe(0);
    expect(output.join("\n")).toContain(`${setId}  restore point`);
  });

  it("takes a base backup now, as the backup role", async () => {
    expect(await command("now")).toBe(0);
    const made = /^Set (\d{8}T\d{6}Z):/m.exec(output.join("\n"))?.[1];
    expect(made).toBeDefined();
    expect(existsSync(manifestPath(world().backupDir, made!))).toBe(true);
  });

  it("refuses --replace while the live server runs, and changes nothing", async () => {
    const before = await readdir(path.dirname(world().dataDir));
    expect(await command("restore", "--replace")).toBe(2);
    expect(output.join("\n")).toMatch(/is running .* --force-stop/);
    expect(await readdir(path.dirname(world().dataDir))).toEqual(before);
  });

  it("refuses bad arguments with exit code 2", async () => {
    expect(await command("restore", "--to", "soon")).toBe(2);
    expect(output.join("\n")).toContain("--to soon");
  });

  it("restores into a new directory that starts clean, and verify passes on it", async () => {
    const into = path.join(scratch, "restored");
    expect(await command("restore", "--into", into)).toBe(0);
    expect(output.join("\n")).toContain("Recovery finished");
    expect(existsSync(path.join(into, "recovery.signal"))).toBe(false);
    expect(await readFile(path.join(into, "postgresql.auto.conf"), "utf8")).not.toContain("restore_command");

    // it starts as a plain cluster (no recovery left to do) and holds what the set counted
    const server = await startRestored({ dir: into, port: await freePort(), archive: false });
    try {
      const code = await command(
        "verify",
        "--url",
        server.url("segel"),
        "--files",
        path.join(world().backupDir, "files"),
      );
      expect(output.join("\n")).toContain("PASSED");
      expect(code).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it("verify with the set's signed manifest passes on a cluster restored to its restore point", async () => {
    const into = path.join(scratch, "at-set");
    const { restoreCluster } = await import("@/modules/backup/server/restore-cluster");
    await restoreCluster({
      backupRoot: world().backupDir,
      setId,
      target: { kind: "restorePoint" },
      into,
      archive: false,
    });
    const server = await startRestored({ dir: into, port: await freePort(), archive: false });
    try {
      const files = path.join(world().backupDir, "files");
      const manifest = manifestPath(world().backupDir, setId);
      expect(await command("verify", "--url", server.url("segel"), "--files", files, "--manifest", manifest)).toBe(0);
      expect(output.join("\n")).toContain("PASSED");
    } finally {
      await server.stop();
    }
  });
});

describe("backup restore --replace --force-stop", () => {
  it("stops the live server, moves its directory aside, and the restored one serves from the same place", async () => {
    const w = world();
    const url = w.adminUrl.replace(/\/postgres$/, "/segel");
    await sql(url, "CREATE TABLE IF NOT EXISTS replace_probe (note text)");
    await sql(url, "INSERT INTO replace_probe VALUES ('kept')");
    const { wal } = await sqlOne<{ wal: string }>(url, "SELECT pg_walfile_name(pg_switch_wal()) AS wal");
    await until(`${wal} archived`, async () => {
      const row = await sqlOne<{ last: string | null }>(url, "SELECT last_archived_wal AS last FROM pg_stat_archiver");
      return (row.last ?? "") >= wal;
    });

    expect(await command("restore", "--replace", "--force-stop")).toBe(0);
    const text = output.join("\n");
    const aside = /moved to (\S+) \(not deleted\)/.exec(text)?.[1];
    expect(aside).toBeDefined();
    expect(existsSync(path.join(aside!, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(w.dataDir, "recovery.signal"))).toBe(false);

    // the tier's cluster starts again from the same directory, archiving, with the row
    const again = await startClusterFrom(w.dataDir);
    expect(await sql<{ note: string }>(url, "SELECT note FROM replace_probe")).toEqual([{ note: "kept" }]);
    // then runs on from another directory: the setup's handle on the first server (stopped by
    // pg_ctl here) must find no live server in the directory it started
    await again.stop();
    const moved = `${w.dataDir}-replaced`;
    await rename(w.dataDir, moved);
    await startClusterFrom(moved);
    await rm(aside!, { recursive: true, force: true });
  });
});
