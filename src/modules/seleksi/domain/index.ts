// Seleksi (consultancy): prakualifikasi, the shortlist and its rules (issue 15, helper D).
export { announcesShortlist, prequalificationOutcome, rankShortlist, repeatsLeft } from "./shortlist";
export type { DecidedApplication, PrequalificationOutcome, ShortlistRules } from "./shortlist";
export { checkApplyWindow, checkDecisionWindow, checkSanggahWindow, mayReadForms, stagePosition } from "./windows";
export type { SeleksiRefusal, StagePosition } from "./windows";
