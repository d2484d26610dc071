/**
 * Matching a held permit to a required one, shared by the Tender Cepat's automatic check
 * (tenders/domain/qualification-requirements.ts) and the structured assessment here, so
 * the two never disagree on what answers "SBU" or when a permit has run out.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Case and runs of spaces do not matter when words are compared. */
export const normaliseWords = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * What is held answers what is asked when it is the same words, or starts with them:
 * "SBU (Sertifikat Badan Usaha)" answers "SBU", "S1 Teknik Sipil" answers "S1". Case and
 * spacing do not matter.
 */
export function wordsAnswer(held: string, asked: string): boolean {
  const h = normaliseWords(held);
  const a = normaliseWords(asked);
  return h === a || h.startsWith(`${a} `);
}

/** A held permit's kind answers a required kind (see wordsAnswer). */
export const permitAnswers = (heldKind: string, requiredKind: string): boolean => wordsAnswer(heldKind, requiredKind);

/** A permit counts through the day it is valid until (its stored date); none means no end. */
export function isPermitValid(validUntil: Date | null, now: Date): boolean {
  return validUntil === null || now.getTime() < validUntil.getTime() + DAY_MS;
}
