import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { SavedSearchFields } from "../alerts.schemas";
import { auditFields, savedSearchVendorId } from "./own-saved-search";
import { readAlertSettings } from "./settings";

/**
 * A vendor user saves a search. It matches tenders published from now on (its cursor starts
 * at the database clock). At most SEGEL_SAVED_SEARCH_MAX per user: the count is taken under
 * a lock per user, so two saves at once cannot both pass it.
 */
export async function createSavedSearch(actor: Actor, input: SavedSearchFields): Promise<{ id: string }> {
  const vendorId = savedSearchVendorId(actor);
  const { maxPerUser } = readAlertSettings();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('segel.savedSearch:' || ${actor.userId}, 0))::text`;
    const count = await tx.savedSearch.count({ where: { userId: actor.userId } });
    if (count >= maxPerUser) throw new AppError("CONFLICT", "alerts.tooMany", { max: maxPerUser });
    const now = await dbNow(tx);
    const search = await tx.savedSearch.create({
      data: { ...input, userId: actor.userId, vendorId, matchedUntil: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "savedSearch.created",
      entityType: "SavedSearch",
      entityId: search.id,
      data: auditFields(input),
    });
    return search;
  });
}
