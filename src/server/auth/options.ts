import "server-only";
import { randomBytes } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import {
  signInSchema,
  encodeSignInFailure,
  SIGN_IN_MESSAGE_KEYS,
  type SignInMessageKey,
  loadSessionActor,
  signIn,
  revokeSession,
} from "@/modules/auth";
import { SESSION_MAX_AGE_SECONDS } from "@/modules/auth/domain";
import { isAppError } from "../errors";
import { logger } from "../logger";
import { isServedOverHttps } from "../security-headers";
import { readRequestContext } from "../session";
import { clientIp, userAgentOf } from "./client-ip";

declare module "next-auth" {
  interface User {
    /** the UserSession row id; the only thing besides the user id the JWT carries */
    sid?: string;
  }
}

/** What the browser may learn from a failed sign-in: a known message key, never a raw error. */
function toSignInError(error: unknown): Error {
  if (isAppError(error) && SIGN_IN_MESSAGE_KEYS.includes(error.messageKey as SignInMessageKey)) {
    const messageKey = error.messageKey as SignInMessageKey;
    return new Error(encodeSignInFailure({ code: error.code, messageKey, values: error.values }));
  }
  const ref = randomBytes(4).toString("hex");
  logger.error({ ref, err: error }, "unexpected error in sign-in");
  return new Error(encodeSignInFailure({ code: "UNEXPECTED", messageKey: "unexpected", values: { ref } }));
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
  ],
  callbacks: {
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
