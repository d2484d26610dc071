import "server-only";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { isLocale } from "@/i18n/locales";
import type { Actor } from "@/modules/auth/domain";
import { loadSessionActor, type RequestContext } from "@/modules/auth";
import { clientIp, userAgentOf } from "./auth/client-ip";
import { authSecret } from "./env";
import { AppError } from "./errors";
import { isServedOverHttps } from "./security-headers";

/** ip, user agent and locale of the current request. */
export async function readRequestContext(): Promise<RequestContext> {
  const h = await headers();
  const locale = await getLocale();
  return {
    ip: clientIp((n) => h.get(n)),
    userAgent: userAgentOf((n) => h.get(n)),
    locale: isLocale(locale) ? locale : "id",
  };
}

/**
 * The session's actor, or null, including one whose sign-in is unfinished (`pending`: the
 * second factor is due or TOTP must be enrolled; such an actor has no roles). Only the shell
 * and the second-factor pages and actions take this; everything else takes getActor().
 * next-auth's getServerSession would work too (4.24 awaits
 * Next 16's headers() and cookies()), but it runs the session callback, which would have to
 * put the session id into what /api/auth/session hands the browser. Decoding the cookie
 * here keeps the id server-side; the UserSession row then decides if the session lives.
 * Cached per request: a page and its components share one lookup.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const token = await getToken({
    req: {
      headers: Object.fromEntries(h),
      cookies: Object.fromEntries(c.getAll().map((x) => [x.name, x.value])),
    } as never,
    secret: authSecret(),
    // the cookie's name (__Secure- over https) as authOptions.useSecureCookies sets it
    secureCookie: isServedOverHttps(),
  });
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (!sid) return null;
  return loadSessionActor(sid, await readRequestContext());
});

/**
 * The signed-in actor, or null. A session whose second factor is still due counts as no
 * session here (decision 0034), so a use case that needs only a signed-in user (the inbox,
 * the opening passphrase, a download) never serves it.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getSessionActor();
  return actor?.pending ? null : actor;
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
