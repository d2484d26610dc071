import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import {
  signInSchema,
  encodeSignInFailure,
  SIGN_IN_MESSAGE_KEYS,
  type SignInMessageKey,
  loadSessionActor,
  signIn,
  signInWithIdentity,
  revokeSession,
} from "@/modules/auth";
import { SESSION_MAX_AGE_SECONDS } from "@/modules/auth/domain";
import { AppError, isAppError } from "../errors";
import { logger } from "../logger";
import { isServedOverHttps } from "../security-headers";
import { readRequestContext } from "../session";
import { clientIp, userAgentOf } from "./client-ip";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSettings } from "./oidc";

declare module "next-auth" {
  interface User {
    /** the UserSession row id; the only thing besides the user id the JWT carries */
    sid?: string;
  }
}

/** What the browser may learn from a failed sign-in: a known message key, never a raw error. */
function toSignInError(error: unknown, provider?: string): Error {
  if (isAppError(error) && SIGN_IN_MESSAGE_KEYS.includes(error.messageKey as SignInMessageKey)) {
    const messageKey = error.messageKey as SignInMessageKey;
    const values = provider ? { ...error.values, provider } : error.values;
    return new Error(encodeSignInFailure({ code: error.code, messageKey, values }));
  }
  const ref = randomBytes(4).toString("hex");
  logger.error({ ref, err: error }, "unexpected error in sign-in");
  return new Error(encodeSignInFailure({ code: "UNEXPECTED", messageKey: "unexpected", values: { ref } }));
}

// The central sign-in (INAPROC) is offered only when the LPSE has configured it (decision 0035).
const oidc = oidcSettings();

/**
 * A central sign-in the provider vouched for: the Segel user an admin linked to it gets a
 * session (as `user.sid`, which the jwt callback below puts in the token), or the browser goes
 * back to /masuk with the reason. The ID token's iss must be the configured issuer, so a
 * subject of another provider never passes for this one's.
 */
async function signInWithProvider(user: { id: string; sid?: string }, subject: string, claims: unknown) {
  const back = (error: unknown) =>
    `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/masuk?error=${encodeURIComponent(toSignInError(error, oidc?.name).message)}`;
  const { iss } = (claims ?? {}) as { iss?: unknown };
  if (!oidc || iss !== oidc.issuer) {
    logger.warn({ iss: String(iss), expected: oidc?.issuer }, "central sign-in: ID token from another issuer");
    return back(new AppError("UNAUTHENTICATED", "oidcFailed"));
  }
  try {
    const h = await headers();
    const { sessionId, userId } = await signInWithIdentity({
      issuer: oidc.issuer,
      subject,
      ip: clientIp((name) => h.get(name)),
      userAgent: userAgentOf((name) => h.get(name)),
    });
    user.id = userId;
    user.sid = sessionId;
    return true;
  } catch (error) {
    return back(error);
  }
}

export const authOptions: AuthOptions = {
  // next-auth also falls back to NEXTAUTH_SECRET; named here so the dependency is visible.
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Over https the session cookie is Secure and __Secure- prefixed (the browser then never
  // sends it in clear); decided by the public address, as HSTS is (docs/decisions/0010).
  useSecureCookies: isServedOverHttps(),
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Kata sandi", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) {
          throw new Error(encodeSignInFailure({ code: "VALIDATION", messageKey: "VALIDATION", values: {} }));
        }
        const header = (name: string) => {
          const value = (req.headers as Record<string, string | string[] | undefined> | undefined)?.[name];
          return Array.isArray(value) ? value[0] : value;
        };
        try {
          const { sessionId, userId } = await signIn({
            ...parsed.data,
            ip: clientIp(header),
            userAgent: userAgentOf(header),
          });
          return { id: userId, sid: sessionId };
        } catch (error) {
          throw toSignInError(error);
        }
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    // The password path has already opened its session in authorize; the central one does it here.
    signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      return signInWithProvider(user, account.providerAccountId, profile);
    },
    // The token carries only the user id and the session id: name, roles and the rest are
    // read from the database on each request, so a change shows at once.
    jwt({ token, user }) {
      if (user) return { sub: user.id, sid: user.sid };
      return { sub: token.sub, sid: token.sid };
    },
    // What /api/auth/session gives the browser: nothing but the expiry.
    session({ session }) {
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      const sid = typeof token?.sid === "string" ? token.sid : null;
      if (!sid) return;
      const actor = await loadSessionActor(sid, await readRequestContext());
      // A dead session (expired, revoked, user disabled) has nothing left to end.
      if (actor) await revokeSession(sid, actor);
    },
  },
};
