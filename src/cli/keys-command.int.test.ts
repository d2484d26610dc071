import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real command, as an operator runs it: `npm run segel -- keys ...` (tsx src/cli/segel.ts).
const root = path.resolve(import.meta.dirname, "../..");
const PASSPHRASE = "sembilan belas huruf";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function segel(args: string[], env: Record<string, string>, stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "src/cli/segel.ts", ...args],
      { cwd: root, env: { ...process.env, ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("npm run segel -- keys export / import", () => {
  let dir: string;
  let source: Record<string, string>;
  let exported: string;
  const keysAt = (name: string) => ({
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, name, "instance-ed25519.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, name, "at-rest.key"),
    SEGEL_BACKUP_DIR: path.join(dir, "backup"),
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "segel-keys-"));
    source = keysAt("source");
    await mkdir(path.join(dir, "source"));
    const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await writeFile(source.SEGEL_INSTANCE_KEY_FILE!, pem, { mode: 0o600 });
    await writeFile(source.SEGEL_AT_REST_KEY_FILE!, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    exported = path.join(dir, "usb", "segel-keys.json");
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("exports both keys to a 0600 file and imports them elsewhere byte for byte", async () => {
    const out = await segel(["keys", "export", "--out", exported, "--passphrase-stdin"], source, `${PASSPHRASE}\n`);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(statSync(exported).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(exported, "utf8"));
    expect(file).toMatchObject({ format: "segel-keys", version: 1, kdf: { name: "scrypt", N: 2 ** 17 } });
    expect(out.stdout).toContain(file.fingerprint);

    const target = keysAt("restored");
    const back = await segel(["keys", "import", "--in", exported, "--passphrase-stdin"], target, `${PASSPHRASE}\n`);
    expect(back.code).toBe(0);
    for (const setting of ["SEGEL_INSTANCE_KEY_FILE", "SEGEL_AT_REST_KEY_FILE"] as const) {
      expect(readFileSync(target[setting]!)).toEqual(readFileSync(source[setting]!));
      expect(statSync(target[setting]!).mode & 0o777).toBe(0o600);
    }
    expect(back.stdout).toContain(file.fingerprint);
  }, 60_000);

  it("refuses a wrong passphrase with a clear message, exit 1, and writes nothing", async () => {
    const target = keysAt("wrong");
    const run = await segel(
      ["keys", "import", "--in", exported, "--passphrase-stdin"],
      target,
      "not the passphrase at all\n",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/passphrase does not open this keys file.*Nothing was written/);
    expect(existsSync(path.join(dir, "wrong"))).toBe(false);
  }, 60_000);

  it("refuses to replace a key file without --force, and moves the old one aside with it", async () => {
    const target = keysAt("occupied");
    await mkdir(path.join(dir, "occupied"));
    await writeFile(target.SEGEL_AT_REST_KEY_FILE!, "another key\n");
    const refused = await segel(["keys", "import", "--in", exported, "--passphrase-stdin"], target, `${PASSPHRASE}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exists already");
    expect(readFileSync(target.SEGEL_AT_REST_KEY_FILE!, "utf8")).toBe("another key\n");
    expect(existsSync(target.SEGEL_INSTANCE_KEY_FILE!)).toBe(false);

    const forced = await segel(
      ["keys", "import", "--in", exported, "--force", "--passphrase-stdin"],
      target,
      `${PASSPHRASE}\n`,
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(target.SEGEL_AT_REST_KEY_FILE!)).toEqual(readFileSync(source.SEGEL_AT_REST_KEY_FILE!));
    const aside = readdirSync(path.join(dir, "occupied")).find((n) => n.startsWith("at-rest.key.replaced-"));
    expect(readFileSync(path.join(dir, "occupied", aside!), "utf8")).toBe("another key\n");
  }, 60_000);

  it("refuses bad input with exit 2 and writes nothing: a short passphrase, a flag, the backup dir", async () => {
    const short = path.join(dir, "short.json");
    const runs = await Promise.all([
      segel(["keys", "export", "--out", short, "--passphrase-stdin"], source, "fourteen chars\n"),
      segel(["keys", "export", "--out", short, "--passphrase=sembilan belas huruf"], source),
      segel(
        ["keys", "export", "--out", path.join(dir, "backup", "keys.json"), "--passphrase-stdin"],
        source,
        `${PASSPHRASE}\n`,
      ),
      segel(["keys", "import"], source),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0]!.stderr).toContain("at least 15 characters");
    expect(runs[1]!.stderr).toContain("never as a flag");
    expect(runs[2]!.stderr).toContain("inside the backup directory");
    expect(existsSync(short)).toBe(false);
    expect(existsSync(path.join(dir, "backup"))).toBe(false);
  }, 60_000);
});
