import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { isIssuer, isSubject } from "../domain/external-identity";
import { can, type Actor } from "../domain/permissions";

export interface LinkIdentityInput {
  /** the Segel account, by its e-mail address (what the admin knows) */
  email: string;
  /** the configured provider's issuer */
  issuer: string;
  /** the person's sub at that provider (shown to them when an unlinked sign-in is refused) */
  subject: string;
}

const subjectTaken = (name: string) =>
  new AppError("CONFLICT", "identityAlreadyLinked", { name }, { subject: ["identityAlreadyLinked"] });
const userHasIdentity = () =>
  new AppError("CONFLICT", "userAlreadyHasIdentity", {}, { email: ["userAlreadyHasIdentity"] });

/**
 * Lets an identity at the central provider sign in as a Segel user. A link is a credential
 * (whoever holds that provider account can then sign in), so only the LPSE's admin makes one,
 * and each is audited (decision 0035). The second factor still applies to such sign-ins.
 */
export async function linkIdentity(actor: Actor, input: LinkIdentityInput): Promise<{ identityId: string }> {
  if (!can(actor, "user.linkIdentity")) throw new AppError("FORBIDDEN");
  const subject = input.subject.trim();
  if (!isIssuer(input.issuer)) throw new AppError("INVALID_STATE", "oidcNotConfigured");
  if (!isSubject(subject))
    throw new AppError("VALIDATION", "identitySubjectInvalid", {}, { subject: ["identitySubjectInvalid"] });

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findFirst({
        where: { email: { equals: input.email.trim(), mode: "insensitive" } },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      if (!user) throw new AppError("NOT_FOUND", "identityUserNotFound", {}, { email: ["identityUserNotFound"] });
      const taken = await tx.externalIdentity.findUnique({
        where: { issuer_subject: { issuer: input.issuer, subject } },
        select: { user: { select: { name: true } } },
      });
      if (taken) throw subjectTaken(taken.user.name);
      const own = await tx.externalIdentity.findUnique({
        where: { userId_issuer: { userId: user.id, issuer: input.issuer } },
        select: { id: true },
      });
      if (own) throw userHasIdentity();

      const identity = await tx.externalIdentity.create({
        data: { issuer: input.issuer, subject, userId: user.id, linkedById: actor.userId, createdAt: await dbNow(tx) },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "user.identityLinked",
        entityType: "User",
        entityId: user.id,
        data: { identityId: identity.id, issuer: input.issuer, subject },
      });
      return { identityId: identity.id };
    });
  } catch (error) {
    // Two admins linking at once: the unique indexes decide, and the loser hears why.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const holder = await db.externalIdentity.findUnique({
        where: { issuer_subject: { issuer: input.issuer, subject } },
        select: { user: { select: { name: true } } },
      });
      throw holder ? subjectTaken(holder.user.name) : userHasIdentity();
    }
    throw error;
  }
}
