import "server-only";
import { agenciesFor, can, hasRole, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { findBlacklist } from "./find-blacklist";

/**
 * The management page's read: for whom the actor may enter entries (the national list for a
 * Verifikator, "" as its id; a PA/KPA's own agencies), the list, and which rows it may lift
 * (the same rule as liftBlacklistEntry: a Verifikator any, a PA/KPA its agency's).
 */
export async function getBlacklistDesk(actor: Actor, input: { page: number; q?: string }) {
  if (!can(actor, "blacklist.manage")) throw new AppError("FORBIDDEN");
  const isVerifikator = hasRole(actor, "VERIFIKATOR");
  // the PA/KPA's agencies (the Verifikator's role is not an agency's)
  const kpaAgencyIds = agenciesFor(actor, "blacklist.manage");
  const agencies = await db.agency.findMany({
    where: { id: { in: kpaAgencyIds } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const list = await findBlacklist(input);
  const mayLift = (row: { agencyId: string | null; state: string }) =>
    (row.state === "inForce" || row.state === "upcoming") &&
    (isVerifikator || (row.agencyId !== null && kpaAgencyIds.includes(row.agencyId)));
  return {
    agencies: [...(isVerifikator ? [{ id: "", name: "" }] : []), ...agencies],
    list,
    liftable: list.rows.filter(mayLift).map((r) => r.id),
  };
}
