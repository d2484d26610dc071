import "server-only";

// Daftar hitam (issue 15): the refusal every place a company takes part or is chosen calls.
export { assertBidsNotBlacklisted, assertNotBlacklisted, findBindingEntries } from "./server/assert-not-blacklisted";
export type { BlacklistUse } from "./server/assert-not-blacklisted";
