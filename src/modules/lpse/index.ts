import "server-only";

// The LPSE's name, address and time zone, shown by the shell and the dashboards.
export { getLpseProfile } from "./server/get-lpse-profile";
