// Daftar hitam (issue 15, helper A): when an entry binds, and its states for the public list.
export { BLACKLIST_STATES, blacklistState, isInForce, periodsOverlap } from "./in-force";
export type { BlacklistPeriod, BlacklistState } from "./in-force";
