type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The client's address as the reverse proxy reports it: the first hop of X-Forwarded-For,
 * else X-Real-IP. Only meaningful behind a proxy that overwrites these headers; exposed
 * directly, a client can forge them (the per-account lock still holds then).
 */
export function clientIp(header: HeaderGetter): string | null {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = header("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : null;
}

export function userAgentOf(header: HeaderGetter): string | null {
  const value = header("user-agent")?.trim();
  return value ? value.slice(0, 512) : null;
}
