import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AccessLogOwner } from "./access-owner";

const MAX_MATCHES = 20;

/**
 * The people whose access log the Auditor may open, by a part of their name or e-mail
 * (case ignored), at most 20, by name. Only the Auditor may search; nothing typed finds nobody.
 */
export async function findPeopleForAccessLog(actor: Actor, query: string): Promise<AccessLogOwner[]> {
  if (!can(actor, "accessLog.readAny")) throw new AppError("FORBIDDEN");
  // asked with nothing typed (the page's first visit): the answer is only whether they may search
  if (query.trim() === "") return [];
  return db.user.findMany({
    where: {
      OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }],
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: MAX_MATCHES,
    select: { id: true, name: true, email: true },
  });
}
