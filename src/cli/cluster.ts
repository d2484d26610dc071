// `npm run start:cluster`: `npm start` (src/cli/start.ts) with haproxy in front of several
// web processes on one machine with several cores, and one or more workers beside them.
//   npm run start:cluster -- --web 4 --workers 2
// The load balancer listens on PORT (3000); web instance i on PORT+i (or
// SEGEL_WEB_PORT_BASE+i-1), loopback only. Its runtime API socket is
// .data/cluster/haproxy.sock (docs/decisions/0018: draining an instance for an upgrade).
// With several machines, run serve.ts and worker.ts on each and put haproxy with the same
// template (deploy/haproxy/) in front; files then go to the object store and keys come from
// shared settings (SEGEL_OBJECT_STORE=s3, SEGEL_CLUSTER=1).
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HEALTH_PATH, renderHaproxyConfig } from "./cluster/haproxy-config";
import { ensureHaproxy, startHaproxy } from "./cluster/haproxy";
import { startWebInstance } from "./cluster/web-instance";

function countArg(argv: string[], flag: string, fallback: number): number {
  const at = argv.indexOf(flag);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`${flag} takes a whole number from 1 to 64`);
  return value;
}

/** Web processes (default: one per core) and workers (default 1) asked for on the command line. */
export function clusterSize(argv: string[]): { web: number; workers: number } {
  return { web: countArg(argv, "--web", os.availableParallelism()), workers: countArg(argv, "--workers", 1) };
}

export interface ClusterContext {
  root: string;
  port: number;
  web: number;
  env: NodeJS.ProcessEnv;
  children: ChildProcess[];
  isShuttingDown: () => boolean;
  say: (line: string) => void;
  /** haproxy's exit ends the cluster: nothing would reach the instances any more */
  onFatal: (code: number) => void;
}

/** Starts the web instances and haproxy in front of them; workers are start.ts's. */
export function startCluster(context: ClusterContext): { socket: string } {
  const { root, port, say } = context;
  const haproxy = ensureHaproxy(say);
  const runDir = path.join(root, ".data", "cluster");
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const socket = path.join(runDir, "haproxy.sock");
  const base = Number(context.env.SEGEL_WEB_PORT_BASE ?? port + 1);
  const servers = Array.from({ length: context.web }, (_, i) => ({ name: `web${i + 1}`, port: base + i }));
  // haproxy is the only client of the instances; the address it forwards is the client's
  const env = { ...context.env, SEGEL_TRUSTED_PROXIES: context.env.SEGEL_TRUSTED_PROXIES ?? "loopback" };

  const keep = (name: string, webPort: number) => {
    const instance = startWebInstance(root, name, webPort, env);
    context.children.push(instance.process);
    say(`web instance ${name} (pid ${instance.process.pid}) on port ${webPort}`);
    void instance.exited.then((code) => {
      context.children.splice(context.children.indexOf(instance.process), 1);
      if (context.isShuttingDown()) return;
      // haproxy sends nothing to it while its health check fails; start it again
      say(`web instance ${name} exited (${code}); starting it again in a second.`);
      setTimeout(() => !context.isShuttingDown() && keep(name, webPort), 1000);
    });
  };
  for (const server of servers) keep(server.name, server.port);

  const configFile = path.join(runDir, "haproxy.cfg");
  const bind = `${context.env.SEGEL_BIND_ADDRESS ?? "127.0.0.1"}:${port}`;
  writeFileSync(configFile, renderHaproxyConfig({ bind, socket, healthPath: HEALTH_PATH, servers }));
  const balancer = startHaproxy(haproxy, configFile);
  context.children.push(balancer);
  say(
    `haproxy (pid ${balancer.pid}) on ${bind}: leastconn over ${servers.map((s) => s.port).join(", ")}; runtime API ${socket}`,
  );
  balancer.on("exit", (code) => {
    if (context.isShuttingDown()) return;
    say(`haproxy exited (${code}); stopping.`);
    context.onFatal(code || 1);
  });
  return { socket };
}
