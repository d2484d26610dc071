import "server-only";

// Recomputed on every change of a tender (open-data's tenderChanged), and for all tenders
// by `npm run segel -- red-flags refresh` or an open-data backfill.
export { refreshRedFlags } from "./server/refresh-red-flags";
export { refreshAllRedFlags } from "./server/refresh-all-red-flags";
