import "server-only";
import type { Db, Tx } from "@/server/db";
import { db } from "@/server/db";

export interface PublicQuestion {
  /** "Pertanyaan 1, 2, …" in the order asked */
  number: number;
  body: string;
  askedAt: Date;
  answer: { body: string; answeredAt: Date } | null;
}

// Who asked is never selected: the public, other bidders and the Pokja see only the text,
// so a question cannot reveal (or favour) a competitor.
const PUBLIC_SELECT = {
  id: true,
  body: true,
  askedAt: true,
  answer: { select: { body: true, answeredAt: true } },
} as const;

export async function loadNumberedQuestions(client: Db | Tx, tenderId: string) {
  const rows = await client.question.findMany({
    where: { tenderId },
    orderBy: [{ askedAt: "asc" }, { id: "asc" }],
    select: PUBLIC_SELECT,
  });
  return rows.map((q, i) => ({ id: q.id, number: i + 1, body: q.body, askedAt: q.askedAt, answer: q.answer }));
}

/** The questions and answers of an announced tender, for anyone; nothing for a draft. */
export async function findPublicQuestions(
  tenderId: string,
): Promise<{ timeZone: string; questions: PublicQuestion[] } | null> {
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: { status: true, paket: { select: { agency: { select: { timeZone: true } } } } },
  });
  if (!tender || tender.status === "DRAFT") return null;
  const rows = await loadNumberedQuestions(db, tenderId);
  return {
    timeZone: tender.paket.agency.timeZone,
    questions: rows.map(({ number, body, askedAt, answer }) => ({
      number,
      body,
      askedAt,
      answer: answer ? { body: answer.body, answeredAt: answer.answeredAt } : null,
    })),
  };
}
