import "server-only";

// Recomputed on every change of a tender (open-data's tenderChanged).
export { refreshRedFlags } from "./server/refresh-red-flags";
