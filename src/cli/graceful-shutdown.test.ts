import { createServer, request, Agent, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isDraining } from "../server/drain-state";
import { drainOnShutdown } from "./graceful-shutdown";

function get(
  port: number,
  path: string,
  agent: Agent,
): Promise<{ res: IncomingMessage; body: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path, agent }, (res) => {
      let body = "";
      res
        .setEncoding("utf8")
        .on("data", (c: string) => (body += c))
        .on("end", () => resolve({ res, body, socket: req.socket! }));
    });
    req.on("error", reject).end();
  });
}

const closed = (socket: Socket) =>
  new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once("close", () => resolve())));
const refused = (port: number) =>
  new Promise<string>((resolve) =>
    connect(port, "127.0.0.1")
      .on("connect", function (this: Socket) {
        this.destroy();
        resolve("accepted");
      })
      .on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error")),
  );

const agents: Agent[] = [];
afterEach(() => agents.splice(0).forEach((a) => a.destroy()));

async function serverWithSlowPath() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived = () => {};
  const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer();
  const { drain } = drainOnShutdown(server);
  server.on("request", (req, res) => {
    if (req.url === "/slow") {
      arrived();
      void released.then(() => res.end("finished"));
    } else if (req.url !== "/never") res.end("fast");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, drain, release, slowArrived, port: (server.address() as AddressInfo).port };
}

describe("drainOnShutdown", () => {
  it("answers the request in flight, closes idle keep-alive connections at once and accepts no new one", async () => {
    const { drain, release, slowArrived, port } = await serverWithSlowPath();
    const idleAgent = new Agent({ keepAlive: true });
    const busyAgent = new Agent({ keepAlive: true });
    agents.push(idleAgent, busyAgent);
    const warm = await get(port, "/fast", idleAgent);
    expect(warm.res.headers.connection).toBe("keep-alive");

    const slow = get(port, "/slow", busyAgent);
    await slowArrived;
    let drained = false;
    const draining = drain(60_000).then(() => (drained = true));

    await closed(warm.socket);
    expect(await refused(port)).toBe("ECONNREFUSED");
    expect(isDraining()).toBe(true);
    expect(drained).toBe(false);

    release();
    const answer = await slow;
    expect(answer.body).toBe("finished");
    expect(answer.res.headers.connection).toBe("close");
    await draining;
    expect(drained).toBe(true);
  });

  it("cuts a request that never finishes once the drain time is over", async () => {
    const { server, drain, port } = await serverWithSlowPath();
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    const arrived = new Promise<void>((resolve) => server.once("request", () => resolve()));
    const stalled = get(port, "/never", agent).then(
      () => "answered",
      (e: NodeJS.ErrnoException) => e.code,
    );
    await arrived;
    await drain(50);
    expect(await stalled).toBe("ECONNRESET");
  });
});
