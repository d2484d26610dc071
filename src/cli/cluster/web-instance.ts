// One web process (src/cli/serve.ts of a checkout) on its own port, and the waits the
// cluster and the upgrade drill need around it.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";

export interface WebInstance {
  name: string;
  port: number;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts serve.ts of the checkout in `root` (today's or, in the drill, the previous release's). */
export function startWebInstance(
  root: string,
  name: string,
  port: number,
  env: NodeJS.ProcessEnv,
  output: "inherit" | number = "inherit",
): WebInstance {
  // node itself with tsx's loader, not the tsx CLI: the pid is the server's own, so a
  // signal (SIGTERM to drain, SIGKILL in the cluster test) reaches the process that serves
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", output, output],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  return { name, port, process: child, exited };
}

/** Polls `url` until it answers 200 (or throws after `timeoutMs`). */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => (r.body?.cancel(), r.status),
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > until)
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${status || "no answer"})`);
    await delay(250);
  }
}

/** Polls `check` until it holds (or throws after `timeoutMs`). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    await delay(200);
  }
}
