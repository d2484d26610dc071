export const DEFAULT_AFTER_SIGN_IN = "/dasbor";

/**
 * Where to go after signing in. Only a path on this site is accepted, so a crafted link
 * (?callbackUrl=https://evil.example) cannot send a fresh session elsewhere.
 */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw) return DEFAULT_AFTER_SIGN_IN;
  // "//host" and "/\host" are read by browsers as another host.
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f]/.test(raw)) return DEFAULT_AFTER_SIGN_IN;
  if (raw === "/masuk" || raw.startsWith("/masuk?") || raw.startsWith("/api/auth")) return DEFAULT_AFTER_SIGN_IN;
  return raw;
}
