import { SIGNED_IN_HINT } from "@/server/signed-in-hint-name";

// A cookie the browser's own code reads to know whether asking /api/me is worth a request
// (docs/decisions/0016): without it, an anonymous reader of a shared page would send one
// or two requests per page view for nothing. It decides nothing: no page reads it, and
// /api/me still checks the session. The proxy sets and clears it with the session
// cookie (src/server/signed-in-hint-cookie.ts); the browser clears it on sign-out and when
// /api/me finds no session.

export function hasSignedInHint(): boolean {
  return document.cookie.split(";").some((part) => part.trim() === `${SIGNED_IN_HINT}=1`);
}

/** Forgets the hint (the browser only ever clears it; the proxy sets it). */
export function clearSignedInHint(): void {
  if (!hasSignedInHint()) return;
  document.cookie = `${SIGNED_IN_HINT}=; Path=/; Max-Age=0; SameSite=Lax`;
}
