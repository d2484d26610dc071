import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureHaproxy, haproxyCommand, startHaproxy } from "@/cli/cluster/haproxy";
import { HEALTH_PATH, renderHaproxyConfig } from "@/cli/cluster/haproxy-config";

// The load balancer's admission rule (deploy/haproxy/haproxy.cfg.template), against the
// real haproxy and a stand-in instance that holds every request until told: an instance
// gets at most 32 uploads at once and the rest wait in haproxy, while a submit is let in
// at once, since it is stamped as received only when it reaches the instance (0020).
const SLOTS = 32;

let instance: Server;
let haproxy: ChildProcess;
let dir: string;
let port: number;
let socket: string;
const held: { path: string; res: ServerResponse }[] = [];
const arrived: string[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return free;
}

/** Uploads waiting in haproxy's queues (its runtime API's `show stat`, column qcur). */
async function queued(): Promise<number> {
  const [header, ...rows] = (await haproxyCommand(socket, "show stat")).replace(/^# /, "").trim().split("\n").map((line) => line.split(","));
  const [name, server, current] = ["pxname", "svname", "qcur"].map((column) => header!.indexOf(column));
  // the backend row counts what waits for any server; each server row what waits for it
  return rows.filter((row) => row[name!] === "uploads" && row[server!] !== "FRONTEND").reduce((sum, row) => sum + Number(row[current!] || 0), 0);
}

function send(method: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: target, headers: { "content-length": "0" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  instance = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === HEALTH_PATH) return void res.end("ok");
    arrived.push(req.url!);
    held.push({ path: req.url!, res });
  });
  instance.listen(0, "127.0.0.1");
  await once(instance, "listening");
  const instancePort = (instance.address() as AddressInfo).port;
  port = await freePort();
  dir = mkdtempSync(path.join(os.tmpdir(), "segel-haproxy-admission-"));
  const configFile = path.join(dir, "haproxy.cfg");
  writeFileSync(configFile, renderHaproxyConfig({ bind: `127.0.0.1:${port}`, socket: (socket = path.join(dir, "admin.sock")), healthPath: HEALTH_PATH, servers: [{ name: "web1", port: instancePort }] }));
  haproxy = startHaproxy(ensureHaproxy(() => {}), configFile);
  // up when a request passes through (the health check marks the instance up first)
  await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATH}`).catch(() => null))?.status).toBe(200), { timeout: 20_000, interval: 100 });
}, 60_000);

afterAll(async () => {
  for (const h of held.splice(0)) h.res.end();
  haproxy?.kill("SIGKILL");
  await new Promise((done) => instance?.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("haproxy in front of an instance during a deadline spike", () => {
  it("lets at most 32 uploads in at once and a submit in at once while uploads wait", async () => {
    const answers: Promise<number>[] = [];
    for (let i = 0; i < SLOTS + 10; i++) answers.push(send("PATCH", `/api/bids/uploads/u${i}`));
    await expect.poll(() => arrived.length, { timeout: 10_000 }).toBe(SLOTS);
    await expect.poll(queued, { timeout: 10_000 }).toBe(10);

    answers.push(send("POST", "/penyedia/penawaran/t1"));
    await expect.poll(() => arrived.length, { timeout: 10_000 }).toBe(SLOTS + 1);
    expect(arrived.at(-1)).toBe("/penyedia/penawaran/t1");
    expect(await queued()).toBe(10);

    // one upload ends: one queued upload takes its slot, no more
    held.shift()!.res.end();
    await expect.poll(() => arrived.length).toBe(SLOTS + 2);
    expect(arrived.at(-1)).toMatch(/^\/api\/bids\/uploads\//);
    expect(await queued()).toBe(9);

    while (held.length) held.shift()!.res.end();
    await expect.poll(() => arrived.length, { timeout: 10_000 }).toBe(SLOTS + 11);
    while (held.length) held.shift()!.res.end();
    expect(await Promise.all(answers)).toEqual(answers.map(() => 200));
  }, 60_000);
});
