import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isIssuer, isSubject } from "../domain/external-identity";
import { openSession, refuseDisabledAccount } from "./open-session";

/** A claim as it may be stored and shown: escaped (NUL, control characters) and capped. */
const printable = (value: string, max: number) => JSON.stringify(value).slice(1, -1).slice(0, max);

export interface IdentitySignInInput {
  /** the iss claim of an ID token next-auth has checked (signature, audience, nonce, state, PKCE) */
  issuer: string;
  /** its sub claim */
  subject: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The central provider (INAPROC) has proven who someone is there; this finds the Segel user
 * an admin linked to that identity and opens a session, as the password does. Nothing is
 * created or matched by e-mail: an identity nobody linked is refused (decision 0035). The
 * session is a first factor only: it needs Segel's own second factor like a password session.
 */
export async function signInWithIdentity(input: IdentitySignInInput): Promise<{ sessionId: string; userId: string }> {
  const request = { ip: input.ip, userAgent: input.userAgent };
  const identity =
    isIssuer(input.issuer) && isSubject(input.subject)
      ? await db.externalIdentity.findUnique({
          where: { issuer_subject: { issuer: input.issuer, subject: input.subject } },
          select: { user: { select: { id: true, name: true, isDisabled: true } } },
        })
      : null;

  if (!identity) {
    const subject = printable(input.subject, 255);
    // Not a guess at anything: the provider vouched for this person. Recorded so the
    // admin can see who tried, and so the person can be told what to pass on.
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: null,
        action: "auth.signInFailed",
        entityType: "ExternalIdentity",
        entityId: subject,
        data: {
          reason: "unlinkedIdentity",
          method: "oidc",
          issuer: printable(input.issuer, 2048),
          subject,
          ...request,
        },
      }),
    );
    throw new AppError("FORBIDDEN", "unlinkedIdentity", { subject });
  }

  const { user } = identity;
  if (user.isDisabled) return refuseDisabledAccount(user.id, { method: "oidc", ...request });

  return db.$transaction((tx) => openSession(tx, { userId: user.id, name: user.name, ...request, method: "oidc" }));
}
