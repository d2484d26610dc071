import "server-only";
import { db } from "@/server/db";

export const ADDENDUM_ACTION = "tender.addendumPublished";

export interface PublishedAddendum {
  number: number;
  documentId: string;
  fileName: string;
  summary: string;
  publishedAt: Date;
}

/**
 * The published addenda of a tender, oldest first ("Adendum 1, 2, …"). The summary and
 * time live in the audit event that published them (until an Addendum table exists, see
 * the report); the file is the public ADENDUM document.
 */
export async function findTenderAddenda(tenderId: string): Promise<PublishedAddendum[]> {
  const events = await db.auditEvent.findMany({
    where: { action: ADDENDUM_ACTION, entityType: "Tender", entityId: tenderId },
    orderBy: { seq: "asc" },
    select: { occurredAt: true, data: true },
  });
  return events.map((e, i) => {
    const data = e.data as { documentId: string; fileName: string; summary: string };
    return {
      number: i + 1,
      documentId: data.documentId,
      fileName: data.fileName,
      summary: data.summary,
      publishedAt: e.occurredAt,
    };
  });
}
