import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { hashNewPassword } from "@/modules/auth";
import { findUnsafeText } from "@/lib/safe-text";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { instanceAdminSchema, type InstanceAdminInput } from "../lpse.schemas";

/** Who ran the command: the audit trail's actor, since no user is signed in. */
export interface CommandOrigin {
  /** e.g. "segel admin create (CLI)" */
  label: string;
  osUser: string;
  host: string;
}

const emailTaken = () => new AppError("CONFLICT", "userEmailTaken", {}, { email: ["userEmailTaken"] });

/**
 * Creates an LPSE administrator (ADMIN_LPSE, instance-wide) from the server's command line:
 * how a new instance gets its first account, and how an LPSE that locked itself out gets
 * one back. Whoever can run it already holds the database credentials, so it asks no
 * other permission; it is recorded in the audit trail with the operating-system user.
 */
export async function createInstanceAdmin(raw: InstanceAdminInput, origin: CommandOrigin): Promise<{ userId: string }> {
  // the command is not behind the action wrapper, which refuses text PostgreSQL cannot store
  const unsafe = findUnsafeText(raw);
  if (unsafe) throw new AppError("VALIDATION", "VALIDATION", {}, { [unsafe]: ["validation.unsafeText"] });
  const parsed = instanceAdminSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "VALIDATION", {}, fieldErrors);
  }
  const input = parsed.data;
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  // the account module's policy (NIST SP 800-63B, decision 0033), as for every password
  const passwordHash = await hashNewPassword(input.password, { email: input.email, name: input.name });
  try {
    return await db.$transaction(async (tx) => {
      const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', segel_now()) AS now`;
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          nip: input.nip,
          passwordHash,
          passwordChangedAt: clock!.now,
          memberships: { create: [{ role: "ADMIN_LPSE", agencyId: null }] },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: null,
        actorLabel: origin.label,
        action: "lpse.adminCreated",
        entityType: "User",
        entityId: user.id,
        data: { email: input.email, name: input.name, nip: input.nip, osUser: origin.osUser, host: origin.host },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // two commands at once with the same e-mail: the unique index decides
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }
}
