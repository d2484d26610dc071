// Runs in the HTTP server (src/cli/serve.ts) before Next sees a request: the only place
// where the socket's address is still known. Next's own server keeps a client-sent
// X-Forwarded-For (it only fills the header when absent), so without this step any client
// could name its own address in the audit trail and rotate the sign-in limiter's key.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import { CLIENT_IP_HEADER } from "./auth/client-ip";

export type Trust = (address: string, hop: number) => boolean;

// Forwarded headers that only a trusted proxy may set; from anyone else they are dropped
// and Next fills them from the socket.
const PROXY_HEADERS = ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip"];

/**
 * SEGEL_TRUSTED_PROXIES: addresses, CIDR ranges or the names loopback, linklocal and
 * uniquelocal, separated by commas or spaces (proxy-addr's syntax, the one Express uses).
 * Empty or unset: no proxy is trusted and the socket's address is the client's.
 */
export function compileTrustedProxies(raw: string | undefined): Trust {
  const entries = (raw ?? "").split(/[\s,]+/).filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(
      `SEGEL_TRUSTED_PROXIES cannot be read (${error instanceof Error ? error.message : String(error)}): ${raw}`,
    );
  }
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client and should be one limiter key. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** The right-most address in the forwarding chain that is not a trusted proxy. */
export function resolveClientAddress(req: IncomingMessage, trust: Trust): string | null {
  const socketAddress = req.socket.remoteAddress;
  if (!socketAddress) return null;
  const address = proxyaddr(req, trust);
  return plain(isIP(address) ? address : socketAddress);
}

/** Writes the client's address into the one header the app reads (and X-Forwarded-For). */
export function stampForwardedHeaders(req: IncomingMessage, trust: Trust): void {
  const address = resolveClientAddress(req, trust);
  const socketAddress = req.socket.remoteAddress;
  if (!socketAddress || !trust(socketAddress, 0)) {
    for (const name of PROXY_HEADERS) delete req.headers[name];
  }
  delete req.headers[CLIENT_IP_HEADER];
  delete req.headers["x-forwarded-for"];
  if (address) {
    req.headers[CLIENT_IP_HEADER] = address;
    req.headers["x-forwarded-for"] = address;
  }
}
