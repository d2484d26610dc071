import "server-only";

// The evaluation's page announces the winner once the ranking is approved.
export { announceWinner } from "./server/announce-winner";
export type { WinnerProposals } from "./server/get-winner-proposals";
