// What a web process does on SIGTERM (docs/decisions/0018): the health check turns 503 so
// the load balancer sends nothing new, no new connection is accepted, every request
// already here is answered (a bid submit or a file upload is finished, not cut), idle
// keep-alive connections are closed at once and busy ones after their answer.
import type { Server, ServerResponse } from "node:http";
import { markDraining } from "../server/drain-state";

/** Call before any other "request" listener: it tracks the answers still owed. */
export function drainOnShutdown(server: Server): { drain: (timeoutMs: number) => Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let isDraining = false;
  server.prependListener("request", (_req, res: ServerResponse) => {
    if (isDraining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.on("close", () => {
      inFlight.delete(res);
      if (isDraining) server.closeIdleConnections();
    });
  });

  function drain(timeoutMs: number): Promise<void> {
    isDraining = true;
    markDraining();
    // a request whose answer has not started yet closes its connection after it
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    return new Promise((resolve) => {
      // a client that never finishes (an upload stalled at the deadline) does not hold the upgrade forever
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
  return { drain };
}
