import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { applyTenderEvent } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import type { Row } from "./write-imported-rows";

/**
 * A seleksi's prakualifikasi state (the round in force and whether its shortlist was
 * announced) are lifecycle columns, which only the lifecycle writer sets. The `imported`
 * event carries the status alone, so the import replays the source's steps here, on the
 * tender still PUBLISHED: each repeat of the prakualifikasi, then the announcement. The
 * stamp becomes this instance's clock; the source's instant is in the audit event's data
 * and in the source's events kept as ImportedAuditEvent. The seleksi's windows read the
 * stages, not this instant (seleksi/domain/windows.ts), so the sanggah prakualifikasi
 * closes when the source's schedule says.
 */
export async function replayPrequalification(
  tx: Tx,
  tender: Row,
  context: { actor: Actor; now: Date; sourceLpseName: string },
) {
  const round = (tender.prequalificationRound ?? 1) as number;
  const announcedAt = (tender.shortlistAnnouncedAt ?? null) as Date | null;
  const audit = {
    importedFrom: context.sourceLpseName,
    sourceRound: round,
    sourceShortlistAnnouncedAt: announcedAt?.toISOString() ?? null,
  };
  const options = { actor: context.actor, now: context.now, audit };
  for (let r = 1; r < round; r++)
    await applyTenderEvent(tx, tender.id as string, { kind: "prequalificationRepeated" }, options);
  if (announcedAt) await applyTenderEvent(tx, tender.id as string, { kind: "shortlistAnnounced" }, options);
}

/** Whether the import must pass through PUBLISHED to replay the prakualifikasi (above). */
export const hasPrequalificationState = (tender: Row) =>
  ((tender.prequalificationRound ?? 1) as number) > 1 || Boolean(tender.shortlistAnnouncedAt);
