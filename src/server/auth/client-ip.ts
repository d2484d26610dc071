import { isIP } from "node:net";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * Set by the HTTP server (src/server/forwarded-headers.ts) from the socket and
 * SEGEL_TRUSTED_PROXIES, after removing whatever the client sent under this name.
 */
export const CLIENT_IP_HEADER = "x-segel-client-ip";

/**
 * The client's address, as the HTTP server established it. Never X-Forwarded-For
 * directly: any client can write that header. Null when the app runs without the Segel
 * server (a bare `next start`), so a forged value is never taken for the truth.
 */
export function clientIp(header: HeaderGetter): string | null {
  const value = header(CLIENT_IP_HEADER)?.trim();
  return value && isIP(value) ? value : null;
}

export function userAgentOf(header: HeaderGetter): string | null {
  const value = header("user-agent")?.trim();
  return value ? value.slice(0, 512) : null;
}
