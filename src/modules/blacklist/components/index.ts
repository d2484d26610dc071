// The daftar hitam's parts that pages under src/app and other modules' pages render.
export { BlacklistBanner } from "./blacklist-banner";
export { BlacklistTable } from "./blacklist-table";
export { AddBlacklistEntryForm, LiftBlacklistEntryForm } from "./blacklist-forms";
