import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import type { UpdateSavedSearchInput } from "../alerts.schemas";
import { auditFields, lockOwnSavedSearch } from "./own-saved-search";

/**
 * Changes a saved search of the actor's vendor. Tenders already matched stay matched; the new
 * filters apply to tenders published after the change. A match waiting for its digest still
 * goes in the next one, even when the search is now IMMEDIATE.
 */
export async function updateSavedSearch(actor: Actor, input: UpdateSavedSearchInput): Promise<{ id: string }> {
  const { savedSearchId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const { id } = await lockOwnSavedSearch(tx, actor, savedSearchId);
    await tx.savedSearch.update({ where: { id }, data: fields });
    await recordAuditEvent(tx, {
      actor,
      action: "savedSearch.updated",
      entityType: "SavedSearch",
      entityId: id,
      data: auditFields(fields),
    });
    return { id };
  });
}
