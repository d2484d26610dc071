// The award shows the sanggah windows; the SPPBJ waits for the sanggah rounds to close.
export { addDays, answerDeadline, filingWindow } from "./windows";
export { sppbjBlockers } from "./closing";
export type { BlockerKey } from "./closing";
