import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { can, type Actor } from "../domain/permissions";

export interface LinkedIdentityRow {
  id: string;
  issuer: string;
  subject: string;
  createdAt: Date;
  user: { name: string; email: string; isDisabled: boolean };
  linkedBy: { name: string };
}

/** Every linked identity, newest first, for the LPSE's admin (capped: a list, not an export). */
export async function findIdentities(actor: Actor, options: { take?: number } = {}): Promise<LinkedIdentityRow[]> {
  if (!can(actor, "user.linkIdentity")) throw new AppError("FORBIDDEN");
  return db.externalIdentity.findMany({
    orderBy: { createdAt: "desc" },
    take: options.take ?? 500,
    select: {
      id: true,
      issuer: true,
      subject: true,
      createdAt: true,
      user: { select: { name: true, email: true, isDisabled: true } },
      linkedBy: { select: { name: true } },
    },
  });
}
