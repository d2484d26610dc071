// haproxy for `npm run start:cluster`, the cluster tests and the upgrade drill: found on
// this machine, or installed from Debian when running as root (as tests/run.mjs does for
// Chromium), started in the foreground, and driven through its runtime API socket.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";

const CANDIDATES = ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"];

export function findHaproxy(): string | null {
  const fromEnv = process.env.SEGEL_HAPROXY;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((file) => existsSync(file)) ?? null;
}

/** The haproxy binary; installs Debian's package (2.6 on Debian 12) when root on Debian. */
export function ensureHaproxy(say: (line: string) => void): string {
  const found = findHaproxy();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/etc/debian_version")) {
    throw new Error(
      "haproxy is not installed. Install it (Debian/Ubuntu: sudo apt-get install haproxy) or set SEGEL_HAPROXY to its binary.",
    );
  }
  say("haproxy is not installed: installing Debian's haproxy package (apt-get) ...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "haproxy"], { stdio: "inherit", env });
  const installed = findHaproxy();
  if (!installed) throw new Error("apt-get installed haproxy but its binary was not found");
  return installed;
}

/** Checks the configuration, then runs haproxy in the foreground (-db) as a child. */
export function startHaproxy(binary: string, configFile: string): ChildProcess {
  execFileSync(binary, ["-c", "-q", "-f", configFile], { stdio: "inherit" });
  return spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", "inherit", "inherit"] });
}

/** One command on the runtime API socket; resolves with haproxy's answer. */
export function haproxyCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = connect(socket);
    let answer = "";
    connection.setEncoding("utf8");
    connection.on("connect", () => connection.end(`${command}\n`));
    connection.on("data", (chunk: string) => (answer += chunk));
    connection.on("end", () => resolve(answer));
    connection.on("error", reject);
  });
}

export type ServerState = "ready" | "drain" | "maint";

export async function setServerState(socket: string, server: string, state: ServerState): Promise<void> {
  const answer = await haproxyCommand(socket, `set server web/${server} state ${state}`);
  if (answer.trim()) throw new Error(`haproxy refused "set server web/${server} state ${state}": ${answer.trim()}`);
}

export interface ServerStat {
  /** UP, DOWN, DRAIN, MAINT, "UP 1/2" while a check changes its mind, ... */
  status: string;
  /** requests being served now */
  currentSessions: number;
}

/** The web backend's servers as `show stat` reports them. */
export async function serverStats(socket: string): Promise<Map<string, ServerStat>> {
  const csv = await haproxyCommand(socket, "show stat");
  const [header, ...rows] = csv.replace(/^# /, "").trim().split("\n");
  const columns = header!.split(",");
  const at = (name: string) => columns.indexOf(name);
  const stats = new Map<string, ServerStat>();
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[at("pxname")] !== "web" || ["FRONTEND", "BACKEND"].includes(cells[at("svname")]!)) continue;
    stats.set(cells[at("svname")]!, { status: cells[at("status")]!, currentSessions: Number(cells[at("scur")]) });
  }
  return stats;
}
