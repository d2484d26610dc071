// The domain's own unions of a sanggah's kind and decision (held to Prisma's enums in
// src/server/domain-enums.ts).
export { SANGGAH_KINDS } from "./sanggah-kind";
export { SANGGAH_DECISIONS } from "./decision";
// The award shows the sanggah windows; the SPPBJ waits for the sanggah rounds to close.
export { addDays, answerDeadline, filingWindow, withStageEnds } from "./windows";
export { sppbjBlockers } from "./closing";
export type { BlockerKey } from "./closing";
