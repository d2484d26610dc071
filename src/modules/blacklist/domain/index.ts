// Daftar hitam (issue 15, helper A): when an entry binds, its period, and its states for the public list.
export { BLACKLIST_STATES, blacklistState, isInForce, periodsOverlap } from "./in-force";
export type { BlacklistPeriod, BlacklistState } from "./in-force";
export { BLACKLIST_MAX_YEARS, blacklistPeriodProblem } from "./period";
