import "server-only";
import { db } from "@/server/db";
import type { PrequalificationOutcome } from "../domain";

const CONCLUSIONS = ["tender.shortlistAnnounced", "tender.prequalificationRepeated", "tender.failed"];

export interface PrequalificationBa {
  documentId: string;
  round: number;
  outcome: PrequalificationOutcome["kind"];
  at: Date;
}

/**
 * Every Berita Acara Hasil Prakualifikasi of a tender, oldest first, from the conclusions'
 * audit events (as the opening's BA is found): a conclusion after an accepted sanggah
 * prakualifikasi or in the repeat's round adds one; none is replaced. The caller has
 * checked that the reader may see the tender's berita acara (its Pokja, or an applicant).
 */
export async function findPrequalificationBas(tenderId: string): Promise<PrequalificationBa[]> {
  const events = await db.auditEvent.findMany({
    where: { entityType: "Tender", entityId: tenderId, action: { in: CONCLUSIONS } },
    orderBy: { seq: "asc" },
    select: { data: true, occurredAt: true },
  });
  return events.flatMap((e) => {
    const data = e.data as {
      beritaAcara?: { documentId: string };
      round?: number;
      outcome?: PrequalificationOutcome["kind"];
    } | null;
    // a tender.failed of another cause (or written before this berita acara existed) has none
    if (!data?.beritaAcara || data.round === undefined || !data.outcome) return [];
    return [{ documentId: data.beritaAcara.documentId, round: data.round, outcome: data.outcome, at: e.occurredAt }];
  });
}
