import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import type { SavedSearchIdInput } from "../alerts.schemas";
import { auditFields, lockOwnSavedSearch } from "./own-saved-search";

/** Removes a saved search of the actor's vendor with its matches; the inbox keeps what was sent. */
export async function deleteSavedSearch(actor: Actor, input: SavedSearchIdInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { id } = await lockOwnSavedSearch(tx, actor, input.savedSearchId);
    const removed = await tx.savedSearch.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actor,
      action: "savedSearch.deleted",
      entityType: "SavedSearch",
      entityId: id,
      data: auditFields(removed),
    });
    return { id };
  });
}
